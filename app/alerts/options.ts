/** The choices the alert pages offer (pure: the forms and the browser use them too). */
export const ALERT_DELIVERIES = ["immediate", "digest"] as const;
export type AlertDeliveryChoice = (typeof ALERT_DELIVERIES)[number];

export const OUTBOX_FILTERS = ["all", "held", "digest", "queued", "bundled", "sent"] as const;
export type OutboxFilter = (typeof OUTBOX_FILTERS)[number];
