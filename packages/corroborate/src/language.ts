import { createRequire } from 'node:module';
import winkNLP, { type ItsFunction } from 'wink-nlp';
import type Model from 'wink-eng-lite-web-model';

/** One token of a quote: its text, lemma and universal POS tag (wink's English model). */
export interface Word {
  text: string;
  /** Lower-cased lemma ("withdrawn" → "withdraw", "ships" → "ship"). */
  lemma: string;
  /** PROPN, NOUN, VERB, AUX, ADJ, NUM, ADP, PART, PUNCT, … */
  pos: string;
  /** wink's stop-word flag ("the", "has", "two"). */
  stop: boolean;
}

// One model for the process, loaded on first use: loading costs far more than reading a claim, and
// importing the library (the server does) should not pay it. Only POS tagging is run: the lemma
// needs it, sentence breaks and named entities are not read here.
let language: { nlp: ReturnType<typeof winkNLP>; its: ReturnType<typeof winkNLP>['its'] } | undefined;
function english() {
  if (!language) {
    const model = createRequire(import.meta.url)('wink-eng-lite-web-model') as typeof Model;
    const nlp = winkNLP(model, ['pos']);
    language = { nlp, its: nlp.its };
  }
  return language;
}

/** The quote's tokens with lemmas and POS tags; curly apostrophes read as straight ones. */
export function wordsOf(text: string): Word[] {
  const { nlp, its } = english();
  const tokens = nlp.readDoc(text.replace(/[’‘]/g, "'")).tokens();
  const texts = tokens.out() as string[];
  // wink's typings give `its.lemma` a signature of its own; at run time it is a token helper like the others.
  const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>) as string[];
  const tags = tokens.out(its.pos) as string[];
  const stops = tokens.out(its.stopWordFlag) as unknown as boolean[];
  return texts.map((t, i) => ({
    text: t,
    lemma: (lemmas[i] ?? t).toLowerCase(),
    pos: tags[i] ?? 'X',
    stop: stops[i] === true,
  }));
}
