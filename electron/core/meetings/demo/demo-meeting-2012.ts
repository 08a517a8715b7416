import type { ActionStatus } from '../../../../shared/schemas/action-item';
import type { AttendanceStatus, MeetingKind, MeetingStatus } from '../../../../shared/schemas/meeting';
import { DEMO_REPORT_FILE } from '../../documents/demo/demo-document';
import { demoCountries, demoOrganisations, type Quote } from '../../directory/demo/demo-network';

/**
 * The demo meeting: the Second Annual Meeting of the Network of National R2P Focal Points (29 September 2012), drawn
 * only from its report (electron/core/directory/demo/meeting-report-2012.txt), in the house style of the demo
 * directory: every fact carries in `sources` the report's own words, and demo-meeting-2012.test.ts checks each quote is
 * in the report. Plain data; the seed turns keys into ids.
 *
 * What the report does not state stays empty: no place, time zone, time of day, link or classification; no duration
 * for any agenda item; no due date for any follow-up; no person. The report never says who spoke or attended for a
 * country, so attendance and presenters name countries and organisations, never a contact. Attendance lists only the
 * countries the report shows taking part (co-hosting, giving a national experience, announcing an appointment); it
 * does not name the rest of the 36, which is why `attendingCountryCount` is kept apart from `attendance`.
 *
 * The agenda has one item per section of the report that records the discussion, in the report's order. The two
 * sections before them are not agenda items: INTRODUCTION describes the meeting (it feeds `summary`), HISTORY OF THE
 * INITIATIVE tells the background from 2005 to 2011. The report is the meeting's paper (`paperKeys` on the meeting),
 * not a paper tabled for one item, so items have none.
 */

export interface DemoMeeting {
  /** Names the meeting inside the demo data; the seed gives it a meeting id. */
  readonly key: string;
  readonly title: string;
  readonly kind: MeetingKind;
  /** First and last day, YYYY-MM-DD, as the report dates it. */
  readonly start: string;
  readonly end: string;
  /** IANA zone of the meeting's place; null because the report names no place and no time. */
  readonly timeZone: string | null;
  /** '' when the report does not say. */
  readonly location: string;
  readonly virtualLink: string;
  readonly status: MeetingStatus;
  readonly classification: string;
  /** Country ids of the demo directory (demo-countries.ts). */
  readonly hostCountries: readonly string[];
  /** Organisation keys of the demo directory (demo-organisations.ts). */
  readonly hostOrganisations: readonly string[];
  /** How many countries the report says attended, most of them unnamed: not the length of `attendance` (the schema's `statedCountryCount`). */
  readonly attendingCountryCount: number;
  /** A short account of the meeting, from the report's introduction. */
  readonly summary: string;
  /**
   * Keys of the demo library's documents: the file name demo-document.ts gives the report (DEMO_REPORT_FILE). The
   * seed turns them into the meeting's `documentIds`.
   */
  readonly paperKeys: readonly string[];
  readonly attendance: readonly DemoAttendance[];
  /** In the report's order. */
  readonly agenda: readonly DemoAgendaItem[];
  readonly actions: readonly DemoActionItem[];
  readonly sources: {
    readonly title: Quote;
    readonly kind: Quote;
    readonly date: Quote;
    readonly hosts: Quote;
    readonly status: Quote;
    readonly attendingCountryCount: readonly Quote[];
    readonly summary: readonly Quote[];
  };
}

/** A country the report shows taking part. */
export interface DemoAttendance {
  readonly countryId: string;
  /** Always null here: the report names no one who attended. */
  readonly contactKey: string | null;
  /** 'attended' for every entry: the report records the meeting after the fact. */
  readonly status: AttendanceStatus;
  readonly sources: readonly Quote[];
}

export interface DemoAgendaItem {
  readonly key: string;
  /** The report's section heading in sentence case: upper-cased, it is the heading line of the report. */
  readonly title: string;
  readonly description: string;
  /** Null: the report gives no timings. */
  readonly durationMinutes: number | null;
  readonly presenters: { readonly countries: readonly string[]; readonly organisations: readonly string[]; readonly contacts: readonly string[] };
  readonly paperKeys: readonly string[];
  /** A faithful short summary of the section; every fact in it rests on `sources.minutes`. */
  readonly minutes: string;
  /** Only what the report says was agreed. */
  readonly decisions: readonly string[];
  readonly sources: {
    readonly presenters: readonly Quote[];
    readonly minutes: readonly Quote[];
    /** One quote per decision, in the same order. */
    readonly decisions: readonly Quote[];
  };
}

export interface DemoActionItem {
  readonly key: string;
  readonly title: string;
  /** The agenda item it came out of (a key of `agenda`), or null. */
  readonly agendaItemKey: string | null;
  /** Owners only where the report names one. */
  readonly ownerCountry: string | null;
  readonly ownerOrganisation: string | null;
  readonly ownerContactKey: string | null;
  /** YYYY-MM-DD, only when the report gives a day: a year alone goes in `notes`. */
  readonly due: string | null;
  readonly status: ActionStatus;
  readonly notes: string;
  readonly sources: { readonly title: readonly Quote[]; readonly owner?: readonly Quote[]; readonly notes?: readonly Quote[] };
}

/** The id the demo directory gives the country of this name; throws if the directory lacks it (a bug in the data). */
function countryId(name: string): string {
  const country = demoCountries.find((candidate) => candidate.name === name);
  if (country === undefined) throw new Error(`The demo meeting names a country the demo directory does not hold: ${name}`);
  return country.id;
}

/** The key the demo directory gives the organisation of this name; throws if the directory lacks it. */
function organisationKey(name: string): string {
  const organisation = demoOrganisations.find((candidate) => candidate.name === name);
  if (organisation === undefined) throw new Error(`The demo meeting names an organisation the demo directory does not hold: ${name}`);
  return organisation.key;
}

const CO_HOSTS: Quote =
  'the governments of Australia, Costa Rica, Denmark and Ghana, in association with the Global Centre for the Responsibility to Protect, co-hosted the second annual meeting';
const OUTLINED: Quote = 'While some member states outlined steps already undertaken by them to operationalize R2P';
const ANNOUNCED: Quote =
  "A particular highlight was the announcements by Côte d'Ivoire and Slovenia of their intention to appoint R2P Focal Points.";
const SUGGESTIONS: Quote =
  'Suggestions included conducting scoping exercises regarding existing national capacities and the potential development, where appropriate, of national action plans.';
const SECRETARIAT: Quote =
  'It was discussed that the Global Centre for the Responsibility to Protect could fulfill the function of a secretariat and, with the support of the government of Denmark, could establish a platform that would facilitate communication and dialogue.';
const NEXT_MEETING: Quote = 'It was agreed that another global meeting of the network of national R2P Focal Points should be scheduled for 2013.';

const GLOBAL_CENTRE = organisationKey('Global Centre for the Responsibility to Protect');
const CO_HOST_IDS = ['Australia', 'Costa Rica', 'Denmark', 'Ghana'].map(countryId);

/** The national experiences in the report's order, each with the sentence that opens it. */
const NATIONAL_EXPERIENCES: readonly { readonly countryId: string; readonly opening: Quote }[] = [
  { countryId: countryId('Australia'), opening: 'The R2P Focal Point is located in the Department of Foreign Affairs and Trade and is a senior level official.' },
  { countryId: countryId('Costa Rica'), opening: 'The R2P Focal Point is located in the Foreign Ministry and is a senior diplomat.' },
  { countryId: countryId('Denmark'), opening: 'The R2P Focal Point is the Under-Secretary for Legal Affairs at the Foreign Ministry of Denmark.' },
  {
    countryId: countryId('France'),
    opening: 'The R2P Focal Point is newly appointed and is the Head of the Division for Human Rights and Humanitarian Affairs within the UN directorate.',
  },
  {
    countryId: countryId('Germany'),
    opening: 'The R2P Focal Point has only recently been appointed and serves as one of the two Directors-General in the UN department of the Foreign Office.',
  },
  { countryId: countryId('Switzerland'), opening: 'The R2P Focal Point is the Head of the task force on dealing with the past and the prevention of atrocities' },
  { countryId: countryId('United States'), opening: 'The R2P Focal Point is the Director for War Crimes and Atrocities on the National Security Council staff' },
  { countryId: countryId('European Union'), opening: 'The EU has not yet appointed an R2P Focal Point' },
];

function attended(id: string, sources: readonly Quote[]): DemoAttendance {
  return { countryId: id, contactKey: null, status: 'attended', sources };
}

const attendance: readonly DemoAttendance[] = [
  ...CO_HOST_IDS.map((id) => attended(id, [CO_HOSTS])),
  ...NATIONAL_EXPERIENCES.filter((experience) => !CO_HOST_IDS.includes(experience.countryId)).map((experience) =>
    attended(experience.countryId, [experience.opening, OUTLINED]),
  ),
  attended(countryId("Côte d'Ivoire"), [ANNOUNCED]),
  attended(countryId('Slovenia'), [ANNOUNCED]),
];

const noPresenters = { countries: [], organisations: [], contacts: [] } as const;

const agenda: readonly DemoAgendaItem[] = [
  {
    key: 'role-and-responsibilities',
    title: 'The role and responsibilities of national R2P Focal Points',
    description: 'What a national R2P Focal Point is for, and how its role is shaped by each country.',
    durationMinutes: null,
    presenters: { countries: CO_HOST_IDS, organisations: [], contacts: [] },
    paperKeys: [],
    minutes:
      'The four co-hosts opened the meeting by reiterating that no state is immune to mass atrocities. Participants agreed ' +
      'that R2P has achieved broad acceptance and that the focus must now be on effective operationalization, above all on ' +
      'developing capacities to prevent mass atrocities, to which the Focal Points initiative contributes under Pillars I ' +
      "and II. A Focal Point's role should be tailored to each country's context; to be effective it must be both a convener " +
      'and a mobilizer, able to bring government agencies and departments together. Its primary role is to bring an R2P lens ' +
      'to policy and decision making, with an internal dimension (raising awareness within government, building domestic ' +
      'institutions) and an external one (cooperation and development assistance to countries emerging from conflict or at ' +
      'risk of mass atrocities), the balance set by national context and priorities.',
    decisions: [
      'R2P has achieved broad acceptance since the UN World Summit; the focus must now be on effective operationalization.',
      'The most important aspect of operationalizing R2P is developing capacities to prevent mass atrocities.',
    ],
    sources: {
      presenters: ['The four governmental co-hosts began the second annual meeting', CO_HOSTS],
      minutes: [
        'The four governmental co-hosts began the second annual meeting by reiterating that no state is immune to mass atrocities.',
        'Participants agreed that in the eight years since the UN World Summit, R2P has achieved broad acceptance and now the focus must be on effective operationalization.',
        'Participants agreed that the most important aspect of operationalizing R2P is developing capacities to prevent mass atrocities.',
        'The R2P Focal Points initiative is an important aspect of developing preventive capacities under Pillar I and Pillar II.',
        'The role of a national R2P Focal Point should be tailored to the unique context of each individual country',
        'for a national R2P Focal Point to be effective they need to be both a convener and a mobilizer.',
        'A national R2P Focal Point should have the capacity to bring together different government agencies and departments to advance policies.',
        'The primary role of a national R2P Focal Point is to influence policy and decision making by introducing an R2P lens',
        'The balance between the internal and external role will be determined by the national context and priorities.',
        'The internal dimension of the role of a national R2P Focal Point involves raising awareness about mass atrocity prevention issues within the government and building domestic institutions that can protect populations.',
        'The external dimension of the role of a national R2P Focal Point involves fostering and developing institutions through multilateral and bilateral cooperation and development assistance to countries emerging from conflict or from situations where mass atrocities have occurred or are likely to occur.',
      ],
      decisions: [
        'Participants agreed that in the eight years since the UN World Summit, R2P has achieved broad acceptance and now the focus must be on effective operationalization.',
        'Participants agreed that the most important aspect of operationalizing R2P is developing capacities to prevent mass atrocities.',
      ],
    },
  },
  {
    // One item, not one per country: the report gives the experiences as one section closed by one summary, and each
    // country's own account already lives on its country page (demo-countries.ts `nationalExperience`); sub-items would
    // copy it and need a nesting the agenda does not otherwise have.
    key: 'national-experiences',
    title: 'National experiences',
    description: 'Australia, Costa Rica, Denmark, France, Germany, Switzerland, the United States and the European Union.',
    durationMinutes: null,
    presenters: { countries: NATIONAL_EXPERIENCES.map((experience) => experience.countryId), organisations: [], contacts: [] },
    paperKeys: [],
    minutes:
      'Australia, Costa Rica, Denmark, France, Germany, Switzerland, the United States and the European Union described ' +
      'where their R2P Focal Point sits and what it does; the EU has not yet appointed one. While some member states ' +
      'outlined steps already taken to operationalize R2P, others took the opportunity to learn from shared experiences. ' +
      "Côte d'Ivoire and Slovenia announced their intention to appoint R2P Focal Points. Suggestions included scoping " +
      'exercises regarding existing national capacities and, where appropriate, national action plans.',
    decisions: [],
    sources: {
      presenters: NATIONAL_EXPERIENCES.map((experience) => experience.opening),
      minutes: [
        ...NATIONAL_EXPERIENCES.map((experience) => experience.opening),
        'While some member states outlined steps already undertaken by them to operationalize R2P, others took this opportunity to learn from shared experiences.',
        ANNOUNCED,
        SUGGESTIONS,
      ],
      decisions: [],
    },
  },
  {
    key: 'network',
    title: 'Network of national R2P Focal Points',
    description: 'What the network is for, how it could work, and who could support it.',
    durationMinutes: null,
    presenters: noPresenters,
    paperKeys: [],
    minutes:
      'Participants acknowledged that strengthening the network was a necessary step in fostering cooperation and dialogue. ' +
      'The network is conceived as a support system for states committed to preventing mass atrocity crimes, helping to ' +
      'create a “community of commitment”; it is a network rather than a coalition, so members remain free to determine ' +
      'their own approach. Participants agreed that one of its functions should be to promote education and awareness of ' +
      'R2P principles; it could be a permanent forum for sharing challenges and experiences. It was discussed that the ' +
      'Global Centre for the Responsibility to Protect could act as secretariat and, with the support of the government of ' +
      'Denmark, establish a platform for communication and dialogue, with emphasis on web-based tools. The network could ' +
      'also help capacity building under Pillar II, with the Focal Point of a country seeking assistance approaching the ' +
      'Focal Point of a donor country directly. Some member states said greater communication could identify common ' +
      'practice, and the value of a collection of case studies was highlighted. The intention is not to reinvent the ' +
      'wheel but to enhance cooperation.',
    decisions: ['One of the functions of the network should be to promote education and awareness of R2P principles.'],
    sources: {
      presenters: [],
      minutes: [
        'participants acknowledged that strengthening the network was a necessary step in fostering cooperation and dialogue.',
        'The network of national R2P Focal Points is conceived as a support system for states committed to preventing mass atrocity crimes.',
        'The core objective is to help create a “community of commitment”',
        'The community is conceived as a network rather than a coalition and therefore members remain free to determine their approach to specific situations and policy applications.',
        'Participants agreed that one of the functions of the network should be to promote education and awareness of R2P principles.',
        'The network could be a permanent forum where member states can come together and discuss issues related to mass atrocity prevention and share challenges and experiences in implementing R2P at the national level.',
        SECRETARIAT,
        'Emphasis was placed on the development of web-based tools as catalysts for exchanging ideas, sharing documents and discussing best practices',
        'The network could also be an important tool for capacity building by promoting bilateral and multilateral assistance under Pillar II.',
        'the R2P Focal Point from a country seeking assistance to bolster the rule of law and reform its security sector could directly approach the R2P Focal Point of a country providing development assistance.',
        'Some member states pointed out that greater communication within the network could lead to identification of common practice.',
        'The value of building a collection of case studies was highlighted.',
        'Participants recognized that the intention of the network of national R2P Focal Points was not to reinvent the wheel, but to enhance cooperation.',
      ],
      decisions: ['Participants agreed that one of the functions of the network should be to promote education and awareness of R2P principles.'],
    },
  },
  {
    key: 'challenges',
    title: 'Challenges',
    description: 'Language and labels, and the capacity challenge of national implementation.',
    durationMinutes: null,
    presenters: noPresenters,
    paperKeys: [],
    minutes:
      'Some member states raised concerns about the diversity of language, labels and frameworks used by different actors ' +
      'for mass atrocity prevention: some UN member states resist the language of R2P yet support mass atrocity prevention ' +
      'through other networks. A few member states argued that whatever the label, the goal is still mass atrocity ' +
      'prevention, and that R2P has been accepted by the international community through consensus. The capacity challenge ' +
      'of national implementation was raised and participants discussed the role of regional organizations. Participants ' +
      'agreed that more work is needed on concrete steps the UN and regional organizations could take to assist R2P Focal ' +
      'Points in preventing mass atrocities.',
    decisions: [
      'More work needs to be done in drafting concrete steps that the UN and regional organizations could implement to assist R2P Focal Points in preventing mass atrocities.',
    ],
    sources: {
      presenters: [],
      minutes: [
        'Some member states raised concerns about diversity of language, labels and frameworks being used by different actors regarding mass atrocity prevention.',
        'although some UN member states are resistant to the language of R2P, they nevertheless support mass atrocity prevention and are part of other networks working on creating institutions and practices to prevent genocide.',
        'a few member states argued that while different labels exist the goal is still mass atrocity prevention.',
        'R2P as a concept has been accepted by the international community through consensus.',
        'The capacity challenge inherent in the national implementation of mass atrocity prevention was raised and participants discussed the role of regional organizations in this regard.',
        'Participants agreed that more work needs to be done in drafting concrete steps that the UN and regional organizations could implement to assist R2P Focal Points in preventing mass atrocities.',
      ],
      decisions: [
        'Participants agreed that more work needs to be done in drafting concrete steps that the UN and regional organizations could implement to assist R2P Focal Points in preventing mass atrocities.',
      ],
    },
  },
  {
    key: 'moving-forward',
    title: 'Moving forward',
    description: 'Lessons of the meeting and the next steps for the network.',
    durationMinutes: null,
    presenters: noPresenters,
    paperKeys: [],
    minutes:
      'Institutional capacities need to be developed at national, regional and international levels to prevent and halt ' +
      'mass atrocities. The discussion centred on lessons from already appointed R2P Focal Points and on concrete policies ' +
      'states have undertaken to operationalize R2P nationally. Prevention emerged as the most important theme: all ' +
      'participants discussed operationalization from a Pillar I and Pillar II perspective, and many highlighted the ' +
      "Focal Points' potential role in building capacity, especially through development assistance programs. Some member " +
      'states asked for a more focused, in-depth discussion of operationalization in practice; future meetings should ' +
      'welcome new members. Participants pointed to the need to reflect on the role of regional organizations such as the ' +
      'African Union, the EU and ECOWAS and to engage them further before the next meeting. It was agreed that another ' +
      'global meeting of the network should be scheduled for 2013.',
    decisions: ['Another global meeting of the network of national R2P Focal Points should be scheduled for 2013.'],
    sources: {
      presenters: [],
      minutes: [
        'institutional capacities need to be developed at national, regional and international levels to prevent and halt mass atrocities.',
        'revolved around identifying lessons from already appointed R2P Focal Points and discussing concrete policies undertaken by states to operationalize R2P at the national level.',
        'Prevention emerged as the most important theme of the meeting.',
        'All participants discussed operationalization of R2P from a Pillar I and Pillar II perspective.',
        'Many highlighted the potential role of national R2P Focal Points in building capacity nationally and internationally, especially through development assistance programs.',
        'Some member states expressed an interest in having a more focused in-depth discussion on the operationalization of R2P in practice.',
        'Future meetings should welcome new members as well as deepen our understanding of what it means to operationalize R2P.',
        'Participants also pointed to the need to reflect on the role of regional organizations such as the African Union, EU and ECOWAS and to engage them further on this matter before the next meeting.',
        NEXT_MEETING,
      ],
      decisions: [NEXT_MEETING],
    },
  },
];

/** The follow-ups the report names. All open: it states intentions and suggestions, never that one was carried out. */
const actions: readonly DemoActionItem[] = [
  {
    key: 'schedule-2013-meeting',
    title: 'Schedule another global meeting of the network of national R2P Focal Points',
    agendaItemKey: 'moving-forward',
    ownerCountry: null,
    ownerOrganisation: null,
    ownerContactKey: null,
    due: null,
    status: 'open',
    notes: 'Agreed for 2013; the report gives no date, place or host.',
    sources: { title: [NEXT_MEETING], notes: [NEXT_MEETING] },
  },
  {
    key: 'network-secretariat',
    title: 'Global Centre for the Responsibility to Protect to fulfil the function of secretariat of the network',
    agendaItemKey: 'network',
    ownerCountry: null,
    ownerOrganisation: GLOBAL_CENTRE,
    ownerContactKey: null,
    due: null,
    status: 'open',
    notes: 'Discussed at the meeting; the report does not record it as agreed.',
    sources: { title: [SECRETARIAT], owner: [SECRETARIAT], notes: [SECRETARIAT] },
  },
  {
    key: 'web-platform',
    title: 'Establish a web-based platform for communication and dialogue between national R2P Focal Points',
    agendaItemKey: 'network',
    ownerCountry: countryId('Denmark'),
    ownerOrganisation: GLOBAL_CENTRE,
    ownerContactKey: null,
    due: null,
    status: 'open',
    notes:
      'Discussed at the meeting: the Global Centre could establish it with the support of the government of Denmark, and ' +
      'Denmark stated it will support the creation of such a platform. Emphasis on web-based tools for exchanging ideas, ' +
      'sharing documents and discussing best practices without formal governmental requests.',
    sources: {
      title: [SECRETARIAT, 'A web-based forum would facilitate greater cooperation between national R2P Focal Points'],
      owner: [
        SECRETARIAT,
        'the Danish government will support the creation of a platform through which the national R2P Focal Points can communicate with each other.',
      ],
      notes: [
        SECRETARIAT,
        'the Danish government will support the creation of a platform through which the national R2P Focal Points can communicate with each other.',
        'Emphasis was placed on the development of web-based tools as catalysts for exchanging ideas, sharing documents and discussing best practices without going through the formality of official governmental requests.',
      ],
    },
  },
  {
    key: 'scoping-exercises',
    title: 'Conduct scoping exercises regarding existing national capacities',
    agendaItemKey: 'national-experiences',
    ownerCountry: null,
    ownerOrganisation: null,
    ownerContactKey: null,
    due: null,
    status: 'open',
    notes: 'A suggestion made at the meeting; the report names no one to carry it out.',
    sources: { title: [SUGGESTIONS], notes: [SUGGESTIONS] },
  },
  {
    key: 'national-action-plans',
    title: 'Develop national action plans for R2P, where appropriate',
    agendaItemKey: 'national-experiences',
    ownerCountry: null,
    ownerOrganisation: null,
    ownerContactKey: null,
    due: null,
    status: 'open',
    notes:
      'A suggestion made at the meeting; the report names no one to carry it out. Denmark reported that at the end of its ' +
      'consultation period its government will decide on whether to develop a national action plan for R2P.',
    sources: {
      title: [SUGGESTIONS],
      notes: [SUGGESTIONS, 'At the end of the consultation period the Danish government will decide on whether to develop a national action plan for R2P.'],
    },
  },
];

/** The Second Annual Meeting of the Network of National R2P Focal Points, as its report records it. */
export const demoMeeting2012: DemoMeeting = {
  key: 'second-annual-meeting-2012',
  title: 'Second Annual Meeting of the Network of National R2P Focal Points',
  kind: 'annual-meeting',
  start: '2012-09-29',
  end: '2012-09-29',
  timeZone: null,
  location: '',
  virtualLink: '',
  status: 'held',
  classification: '',
  hostCountries: CO_HOST_IDS,
  hostOrganisations: [GLOBAL_CENTRE],
  attendingCountryCount: 36,
  summary:
    'Co-hosted by Australia, Costa Rica, Denmark and Ghana in association with the Global Centre for the Responsibility ' +
    'to Protect, the meeting brought together representatives of 36 countries. Held a day after the annual Ministerial ' +
    'Meeting on the Responsibility to Protect, it drew high-level representation. Member states framed the discussion as ' +
    'an opportunity to share their experiences of the role of national R2P Focal Points and to address the importance of ' +
    'strengthening the network in 2013.',
  paperKeys: [DEMO_REPORT_FILE],
  attendance,
  agenda,
  actions,
  sources: {
    title: 'Second Annual Meeting of the Network of National R2P Focal Points',
    kind: 'co-hosted the second annual meeting of the network of national R2P Focal Points.',
    date: 'On 29 September 2012 the governments of Australia, Costa Rica, Denmark and Ghana',
    hosts: CO_HOSTS,
    status: CO_HOSTS,
    attendingCountryCount: [
      'The meeting was successful in bringing together representatives of 36 countries from around the globe.',
      'Thirty–six countries attended the second annual meeting of the network of national R2P Focal Points.',
    ],
    summary: [
      CO_HOSTS,
      'The meeting was successful in bringing together representatives of 36 countries from around the globe.',
      'The timing of the meeting, a day after the annual Ministerial Meeting on the Responsibility to Protect (R2P), was extremely useful in ensuring high-level representation from participating member states',
      'member states framed the discussion as an opportunity to share their experiences on the role of the national R2P Focal Points and to address the importance of strengthening the network in 2013.',
    ],
  },
};
