// Test double for lightning/actions (not among sfdx-lwc-jest's stubs): the real event closes the quick action.
export const CloseActionScreenEventName = 'close';

export class CloseActionScreenEvent extends CustomEvent {
  constructor() {
    super(CloseActionScreenEventName, { bubbles: false, composed: false });
  }
}
