import { Inject, Injectable } from '@nestjs/common';
import { ValidateBy } from 'class-validator';
import { EVENT_STORE, lastEventPosition, type EventStore } from '@timeline/event-store';
import { ApiProblem } from '../problems/api-problem';

/** The largest position any store gives: both SQLite and EventStoreDB keep positions as signed 64-bit integers. */
export const MAX_POSITION = 2n ** 63n - 1n;
const DECIMAL = /^\d{1,19}$/;

/**
 * The one reading of a position a client sends (`Last-Event-ID`, `?minPosition=`, `?after=`): a decimal string
 * from 0 to 2^63−1, or undefined when it is not one. Nothing past the store's range reaches the store.
 */
export function parsePosition(text: unknown): bigint | undefined {
  if (typeof text !== 'string' || !DECIMAL.test(text)) return undefined;
  const position = BigInt(text);
  return position <= MAX_POSITION ? position : undefined;
}

/** A query field that must be a position (see `parsePosition`). */
export const IsPosition = () =>
  ValidateBy({
    name: 'isPosition',
    validator: {
      validate: (value: unknown) => parsePosition(value) !== undefined,
      defaultMessage: () => `$property must be a position: a decimal string from 0 to ${MAX_POSITION}`,
    },
  });

/**
 * Positions a client can only have received from this service must be on record: one past the log's head is
 * refused at once (`400 POSITION_PAST_HEAD`), instead of waiting for it or reading from it.
 */
@Injectable()
export class LogHead {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  position(): Promise<bigint | undefined> {
    return lastEventPosition(this.store);
  }

  /**
   * `applied`, the read model's position, is on record too, whatever reads of the log show: EventStoreDB's reads skip
   * the record of a stream deleted for good, and a sync or live client may have received its position last.
   */
  async requireOnRecord(position: bigint, field: string, applied?: bigint): Promise<bigint> {
    if (applied !== undefined && position <= applied) return position;
    const head = await this.position();
    if (head === undefined || position > head) {
      throw new ApiProblem(
        400,
        'POSITION_PAST_HEAD',
        `${field} is past the last position of the log (${head ?? 'empty'}): send a position received from this service`,
        { field, head: head?.toString() ?? null },
      );
    }
    return position;
  }

  /**
   * Refuses a position on record that is no event's (`400 POSITION_NOT_AN_EVENT`, the store's InvalidPositionError):
   * on EventStoreDB most numbers fall inside a record.
   */
  async requireEvent(position: bigint): Promise<bigint> {
    for await (const _ of this.store.readAll({ fromPosition: position, maxCount: 1 })) break;
    return position;
  }
}
