// Deterministic documents and queries for the text index's tests and benchmark: the vocabulary of R2P focal points'
// papers in English, French (accents included) and some Spanish, metadata spread over kinds, countries, pillars and
// years, and texts of 2–50 KB. The same seed always gives the same corpus.
import type { DocumentTextEntry, DocumentTextQuery } from '../text-index-types';

/** A seeded generator (mulberry32): uniform numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const GENERATED_KINDS = ['report', 'resolution', 'statement', 'guidance', 'meeting-record', 'national-action-plan'] as const;
export const GENERATED_PILLARS = ['pillar-1', 'pillar-2', 'pillar-3'] as const;
export const GENERATED_LANGUAGES = ['en', 'fr', 'es'] as const;

/** Countries as [code, English name, French name]. */
export const GENERATED_COUNTRIES: readonly (readonly [string, string, string])[] = [
  ['CI', "Côte d'Ivoire", "Côte d'Ivoire"],
  ['CF', 'Central African Republic', 'République centrafricaine'],
  ['ML', 'Mali', 'Mali'],
  ['SN', 'Senegal', 'Sénégal'],
  ['BF', 'Burkina Faso', 'Burkina Faso'],
  ['CD', 'Democratic Republic of the Congo', 'République démocratique du Congo'],
  ['GH', 'Ghana', 'Ghana'],
  ['KE', 'Kenya', 'Kenya'],
  ['NG', 'Nigeria', 'Nigéria'],
  ['CO', 'Colombia', 'Colombie'],
  ['GT', 'Guatemala', 'Guatemala'],
  ['MX', 'Mexico', 'Mexique'],
  ['PH', 'Philippines', 'Philippines'],
  ['MM', 'Myanmar', 'Myanmar'],
  ['DK', 'Denmark', 'Danemark'],
  ['CA', 'Canada', 'Canada'],
  ['CR', 'Costa Rica', 'Costa Rica'],
  ['BE', 'Belgium', 'Belgique'],
];

const EN = {
  concepts: [
    'early warning', 'atrocity prevention', 'the rule of law', 'security sector reform', 'mediation',
    'a national action plan', 'the focal point', 'the responsibility to protect', 'transitional justice',
    'hate speech monitoring', 'civil society engagement', 'the protection of civilians', 'risk assessment',
    'the community of commitment', 'preventive diplomacy', 'human rights monitoring', 'inclusive dialogue',
    'accountability mechanisms', 'the national mechanism for the prevention of genocide', 'early action',
  ],
  actors: [
    'The focal point', 'The Special Adviser', 'The national committee', 'The regional organisation',
    'The Ministry of Foreign Affairs', 'Civil society organisations', 'The Secretary-General', 'The working group',
    'Member States', 'The Global Network of R2P Focal Points',
  ],
  verbs: ['reviewed', 'strengthened', 'supported', 'discussed', 'adopted', 'coordinated', 'assessed', 'welcomed', 'highlighted'],
  goals: [
    'preventing mass atrocity crimes', 'protecting populations', 'building resilient institutions', 'national ownership',
    'regional cooperation', 'the implementation of recommendations', 'lessons learned from past crises',
  ],
  links: ['Furthermore,', 'In addition,', 'At the same time,', 'As noted in the previous report,', 'In this context,'],
  fillers: [
    'including', 'through', 'capacity', 'training', 'workshop', 'annual', 'meeting', 'network', 'commitment', 'partners',
    'government', 'institutions', 'minorities', 'displacement', 'elections', 'violence', 'risk', 'factors', 'indicators',
    'support', 'funding', 'coordination', 'consultation', 'recommendation', 'survey', 'findings', 'priority', 'agenda',
  ],
};

const FR = {
  concepts: [
    "l'alerte précoce", 'la prévention des atrocités', "l'État de droit", 'la réforme du secteur de la sécurité',
    'la médiation', "un plan d'action national", 'le point focal', 'la responsabilité de protéger',
    'la justice transitionnelle', 'la surveillance des discours de haine', "l'engagement de la société civile",
    'la protection des civils', "l'évaluation des risques", "la communauté d'engagement", 'la diplomatie préventive',
    "les mécanismes de redevabilité", 'le dialogue inclusif', 'la prévention du génocide',
  ],
  actors: [
    'Le point focal', 'Le Conseiller spécial', 'Le comité national', "L'organisation régionale",
    'Le ministère des Affaires étrangères', 'Les organisations de la société civile', 'Le Secrétaire général',
    'Le groupe de travail', 'Les États membres',
  ],
  verbs: ['a examiné', 'a renforcé', 'a soutenu', 'a débattu de', 'a adopté', 'a coordonné', 'a évalué', 'a salué', 'a souligné'],
  goals: [
    "prévenir les crimes d'atrocité de masse", 'protéger les populations', 'bâtir des institutions résilientes',
    "l'appropriation nationale", 'la coopération régionale', 'la mise en œuvre des recommandations',
  ],
  links: ['En outre,', 'Par ailleurs,', 'Dans ce contexte,', 'Comme indiqué dans le rapport précédent,', 'De plus,'],
  fillers: [
    'notamment', 'grâce à', 'capacités', 'formation', 'atelier', 'réunion', 'réseau', 'engagement', 'partenaires',
    'gouvernement', 'minorités', 'déplacement', 'élections', 'violence', 'facteurs', 'indicateurs', 'financement',
    'coordination', 'consultation', 'priorité', 'enquête', 'résultats',
  ],
};

const ES = {
  concepts: [
    'la alerta temprana', 'la prevención de atrocidades', 'el estado de derecho', 'la reforma del sector de seguridad',
    'la mediación', 'un plan de acción nacional', 'el punto focal', 'la responsabilidad de proteger',
    'la justicia transicional', 'la protección de civiles',
  ],
  actors: ['El punto focal', 'El comité nacional', 'La sociedad civil', 'El Ministerio de Relaciones Exteriores', 'Los Estados miembros'],
  verbs: ['examinó', 'fortaleció', 'apoyó', 'debatió', 'adoptó', 'coordinó', 'evaluó'],
  goals: ['prevenir crímenes atroces', 'proteger a las poblaciones', 'la cooperación regional', 'la apropiación nacional'],
  links: ['Además,', 'Asimismo,', 'En este contexto,'],
  fillers: ['incluido', 'capacitación', 'taller', 'reunión', 'red', 'compromiso', 'gobierno', 'violencia', 'indicadores', 'prioridad'],
};

const LANGUAGE_WORDS = { en: EN, fr: FR, es: ES } as const;
const SYLLABLES = ['ka', 'lo', 'mi', 'ran', 'do', 'sa', 'te', 'vu', 'zen', 'bo', 'qui', 'far', 'nel', 'ti', 'ga', 'mor'];

/** What to generate. Text sizes are in UTF-16 code units (≈ bytes of mostly-ASCII prose). */
export interface GenerateOptions {
  readonly count: number;
  readonly seed?: number;
  readonly minTextLength?: number;
  readonly maxTextLength?: number;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick: empty list');
  return item;
}

/** A made-up proper name (a person or a place), so the corpus has the long tail of distinct words real papers have. */
function properName(random: () => number): string {
  const count = 2 + Math.floor(random() * 2);
  let name = '';
  for (let index = 0; index < count; index += 1) name += pick(random, SYLLABLES);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function sentence(random: () => number, language: keyof typeof LANGUAGE_WORDS, country: string): string {
  const words = LANGUAGE_WORDS[language];
  const parts = [pick(random, words.actors), pick(random, words.verbs), pick(random, words.concepts)];
  const shape = random();
  if (shape < 0.3) parts.push(language === 'en' ? 'in' : 'en', `${country},`, pick(random, words.goals));
  else if (shape < 0.6) parts.push(language === 'en' ? 'for' : 'pour', pick(random, words.goals));
  else if (shape < 0.8) parts.push(pick(random, words.fillers), pick(random, words.fillers), properName(random));
  else parts.push(pick(random, words.fillers), `(${1990 + Math.floor(random() * 35)})`);
  const text = `${parts.join(' ')}.`;
  return random() < 0.2 ? `${pick(random, words.links)} ${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}

function paragraph(random: () => number, language: keyof typeof LANGUAGE_WORDS, country: string): string {
  const count = 3 + Math.floor(random() * 5);
  const sentences: string[] = [];
  for (let index = 0; index < count; index += 1) sentences.push(sentence(random, language, country));
  return sentences.join(' ');
}

/**
 * `count` documents, the same for the same options. Ids are `doc-00001`…; most documents name one country, some two;
 * about one in thirty has no year. Text lengths spread between the bounds with more short texts than long ones.
 */
export function generateDocuments(options: GenerateOptions): DocumentTextEntry[] {
  const random = seededRandom(options.seed ?? 20_240_601);
  const minLength = options.minTextLength ?? 2_000;
  const maxLength = options.maxTextLength ?? 50_000;
  const documents: DocumentTextEntry[] = [];
  for (let index = 0; index < options.count; index += 1) {
    const roll = random();
    const language = roll < 0.6 ? 'en' : roll < 0.93 ? 'fr' : 'es';
    const [code, english, french] = pick(random, GENERATED_COUNTRIES);
    const countries = random() < 0.2 ? [code, pick(random, GENERATED_COUNTRIES)[0]] : [code];
    const country = language === 'en' ? english : french;
    const kind = pick(random, GENERATED_KINDS);
    const year = random() < 0.03 ? null : 2005 + Math.floor(random() * 21);
    const words = LANGUAGE_WORDS[language];
    const target = minLength + Math.floor((maxLength - minLength) * random() * random());
    const paragraphs: string[] = [];
    let length = 0;
    // Bounded: each paragraph adds at least three sentences.
    while (length < target) {
      const next = paragraph(random, language, country);
      paragraphs.push(next);
      length += next.length + 2;
    }
    const concept = pick(random, words.concepts);
    documents.push({
      id: `doc-${String(index + 1).padStart(5, '0')}`,
      title: `${country}: ${concept.charAt(0).toUpperCase()}${concept.slice(1)} — ${kind.replaceAll('-', ' ')} ${year ?? ''}`.trim(),
      summary: paragraph(random, language, country).slice(0, 400),
      text: paragraphs.join('\n\n'),
      kind,
      countries,
      pillars: [pick(random, GENERATED_PILLARS), ...(random() < 0.3 ? [pick(random, GENERATED_PILLARS)] : [])].filter(
        (pillar, at, all) => all.indexOf(pillar) === at,
      ),
      language,
      year,
      updatedAt: new Date(Date.UTC(year ?? 2015, Math.floor(random() * 12), 1 + Math.floor(random() * 28), 9)).toISOString(),
    });
  }
  return documents;
}

/** A benchmark query and what it exercises. */
export interface GeneratedQuery {
  readonly label: string;
  readonly query: DocumentTextQuery;
}

/** Queries a focal point would type against the generated corpus: words, prefixes, phrases, accents, filters. */
export function generatedQueries(): GeneratedQuery[] {
  return [
    { label: 'one word', query: { text: 'mediation ' } },
    { label: 'one word, accented in the text', query: { text: 'prevention ' } },
    { label: 'one word, accented query', query: { text: 'médiation ' } },
    { label: 'two words', query: { text: 'early warning ' } },
    { label: 'two words, French', query: { text: 'alerte précoce ' } },
    { label: 'prefix while typing', query: { text: 'atroc' } },
    { label: 'prefix while typing, short', query: { text: 'se' } },
    { label: 'words then a prefix', query: { text: 'rule of l' } },
    { label: 'phrase', query: { text: '"community of commitment"' } },
    { label: 'phrase, French', query: { text: "« plan d'action national »" } },
    { label: 'phrase of common words', query: { text: '"the focal point"' } },
    { label: 'country name without accents', query: { text: 'cote d ivoire' } },
    { label: 'focal point in one country', query: { text: 'focal point', filters: { countries: ['CI'] } } },
    { label: 'reform in reports 2015–2020', query: { text: 'reform', filters: { kinds: ['report'], yearFrom: 2015, yearTo: 2020 } } },
    { label: 'French documents only', query: { text: 'prévention', filters: { languages: ['fr'] } } },
    { label: 'two words in one pillar', query: { text: 'mediation dialogue', filters: { pillars: ['pillar-2'] } } },
    { label: 'no document has both words (fallback)', query: { text: 'mediation xylophone' } },
    { label: 'second page', query: { text: 'protection', offset: 20 } },
    { label: 'list by filters only', query: { text: '', filters: { countries: ['ML'], yearFrom: 2018 } } },
  ];
}
