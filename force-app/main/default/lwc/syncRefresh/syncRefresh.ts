// RefreshView API registration that works in orgs on Lightning Web Security and in orgs still on Lightning
// Locker. Under Locker a component's `this` is a secure wrapper that registerRefreshHandler does not accept, so
// the documented Locker form passes the host element (`this.template.host`) and a bound handler; under LWS the
// host element is the component's own element, so the same call works there too
// (https://developer.salesforce.com/docs/platform/lwc/guide/reference-lightning-refreshview-registerrefreshhandler.html).
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';

interface RefreshableComponent extends EventTarget {
  readonly template: { readonly host?: EventTarget | null } | null;
}

/**
 * Registers `reload` to run when a RefreshEvent reaches this component's refresh container (the record page
 * after "Sync Data from ZBilling", or a standard refresh). Resolves true so the refresh continues down the tree.
 * @returns the handle for unregisterRefresh
 */
export function registerRefresh(component: RefreshableComponent, reload: () => Promise<void>): number {
  const context = component.template?.host ?? component;
  return registerRefreshHandler(context, async () => {
    await reload();
    return true;
  });
}

export function unregisterRefresh(handle: number | undefined): void {
  if (handle !== undefined) unregisterRefreshHandler(handle);
}
