export interface SourceMemory {
  text: string;
  actor: string | null;
  head: string;
  person: boolean;
}

const ASCII_WORDS = /[A-Za-z0-9_]+/g;

/**
 * Sources kept so that the latest one of a kind is found in constant time: a follow-up ("the
 * official", "he") is asked of every source before it, and scanning them all for each made an
 * article of follow-ups quadratic.
 */
export class SourceLog {
  private readonly list: SourceMemory[] = [];
  private readonly lastByHead = new Map<string, SourceMemory>();
  private lastPersonOrOfficial: SourceMemory | undefined;
  private readonly byWord = new Map<string, Latest>();
  private readonly personLike = new Latest();

  /**
   * `roles`: the words (lower case) a later description may name a source by; `personLike`:
   * whether a description with none of them may still point back at this one.
   */
  constructor(
    private readonly roles: ReadonlySet<string>,
    private readonly isPersonLike: (memory: SourceMemory) => boolean,
  ) {}

  push(memory: SourceMemory): void {
    this.list.push(memory);
    this.lastByHead.set(memory.head, memory);
    if (memory.person || memory.head === 'official') this.lastPersonOrOfficial = memory;
    if (memory.actor === null) return;
    // As /\b<word>\b/i finds them: runs of ASCII word characters, in any case.
    const words = new Set((memory.text.match(ASCII_WORDS) ?? []).map((w) => w.toLowerCase()));
    for (const word of words) {
      if (!this.roles.has(word)) continue;
      let latest = this.byWord.get(word);
      if (!latest) this.byWord.set(word, (latest = new Latest()));
      latest.push(memory);
    }
    if (this.isPersonLike(memory)) this.personLike.push(memory);
  }

  last(): SourceMemory | undefined {
    return this.list.at(-1);
  }

  /** The latest source with this head noun. */
  latestWithHead(head: string): SourceMemory | undefined {
    return this.lastByHead.get(head);
  }

  /** The latest source that is a person, or an official. */
  latestPersonOrOfficial(): SourceMemory | undefined {
    return this.lastPersonOrOfficial;
  }

  /** The latest source with an actor whose words hold `role` (one of `roles`), worded otherwise than `text`. */
  latestNaming(role: string, text: string): SourceMemory | undefined {
    return this.byWord.get(role)?.latestNot(text);
  }

  /** The latest person-like source with an actor, worded otherwise than `text`. */
  latestPersonLike(text: string): SourceMemory | undefined {
    return this.personLike.latestNot(text);
  }
}

/** Sources in order, each with the latest before it worded otherwise, to skip a run of one wording at once. */
class Latest {
  private readonly list: SourceMemory[] = [];
  private readonly otherBefore: number[] = [];

  push(memory: SourceMemory): void {
    const last = this.list.length - 1;
    this.otherBefore.push(last < 0 ? -1 : this.list[last]!.text !== memory.text ? last : this.otherBefore[last]!);
    this.list.push(memory);
  }

  latestNot(text: string): SourceMemory | undefined {
    const last = this.list.length - 1;
    if (last < 0) return undefined;
    if (this.list[last]!.text !== text) return this.list[last];
    const other = this.otherBefore[last]!;
    return other < 0 ? undefined : this.list[other];
  }
}
