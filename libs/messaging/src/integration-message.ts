import type { RecordedEvent } from '@ruamjai/event-store';

/**
 * A public integration event, as other systems receive it: a CloudEvents 1.0 JSON envelope. The
 * data is a versioned, documented contract that carries no personal data.
 */
export interface IntegrationEnvelope<Data = unknown> {
  readonly specversion: '1.0';
  /** The domain event's id: consumers deduplicate on it. */
  readonly id: string;
  readonly source: string;
  /** e.g. `th.ruamjai.plans.project-added.v1`. */
  readonly type: string;
  /** The aggregate the event belongs to. */
  readonly subject: string;
  readonly time: string;
  readonly datacontenttype: 'application/json';
  /** Position in the event log: strictly increasing per subject. */
  readonly sequence: string;
  readonly data: Data;
}

export interface IntegrationMessage {
  readonly topic: string;
  /** Messages with one key keep their order: the stream id. */
  readonly key: string;
  readonly envelope: IntegrationEnvelope;
}

/** Maps a domain event to its integration event, or to nothing when it has no public counterpart. */
export type IntegrationMapper = (event: RecordedEvent) => IntegrationMessage | undefined;

export const HEADER_EVENT_ID = 'ruamjai-event-id';
export const HEADER_EVENT_TYPE = 'ruamjai-event-type';
