import { VoteCount } from './votes.dto';

/** A correction's vote counts: the ones it names replace those on record, `null` clears one (decision 0029). */
export class VoteCountChangesDto {
  @VoteCount(412, { clearable: true }) for?: number | null;
  @VoteCount(0, { clearable: true }) against?: number | null;
  @VoteCount(1, { clearable: true }) abstained?: number | null;
}
