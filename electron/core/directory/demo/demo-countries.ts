import type { DemoCountry, Quote } from './demo-network';

/** The countries the report names, with what it says of each (see demo-network.ts for the rules). */
const CO_HOSTS: Quote =
  'the governments of Australia, Costa Rica, Denmark and Ghana, in association with the Global Centre for the Responsibility to Protect, co-hosted the second annual meeting';
const LAUNCH: Quote =
  'the R2P Focal Points initiative was launched in September 2010 by the governments of Denmark and Ghana in collaboration with the Global Centre for the Responsibility to Protect';
const ANNOUNCED: Quote =
  "A particular highlight was the announcements by Côte d'Ivoire and Slovenia of their intention to appoint R2P Focal Points.";

export const demoCountries: readonly DemoCountry[] = [
  {
    id: 'au',
    code: 'AU',
    name: 'Australia',
    region: 'asia-pacific',
    networkStatus: 'appointed',
    coHost: true,
    yearJoined: null,
    nationalExperience:
      'The R2P Focal Point is a senior level official in the Department of Foreign Affairs and Trade, who educates and ' +
      'raises awareness about R2P among government agencies and builds political will with ministers and ' +
      'parliamentarians. Australia has no national institution dedicated to mass atrocity prevention but a ' +
      'well-developed crisis response architecture, including an inter-governmental emergency task force. R2P is part ' +
      "of the Australian development agency's approach to humanitarian assistance and aid, and Australia sponsored an " +
      'R2P conference in Bangkok in May 2012.',
    sources: {
      networkStatus: 'The R2P Focal Point is located in the Department of Foreign Affairs and Trade and is a senior level official.',
      coHost: CO_HOSTS,
      nationalExperience: [
        'Educate and raise awareness about R2P among different government agencies to ensure consistent understanding.',
        'Build political will to act when necessary by consistently engaging with the political leadership, including ministers and parliamentarians.',
        'Australia does not have a specific national governmental institution dedicated to mass atrocity prevention, but has a well-developed crisis response architecture, including an inter-governmental emergency task force',
        "In terms of Pillar II, R2P is part of the Australian development agency's approach to humanitarian assistance and aid.",
        'including by sponsoring an R2P conference in Bangkok, Thailand during May 2012',
      ],
    },
  },
  {
    id: 'cr',
    code: 'CR',
    name: 'Costa Rica',
    region: 'americas',
    networkStatus: 'appointed',
    coHost: true,
    yearJoined: null,
    nationalExperience:
      'The R2P Focal Point is a senior diplomat in the Foreign Ministry. Costa Rica believes that upholding R2P entails ' +
      'implementing national obligations under existing international law, and that investment in democracy and the ' +
      'rule of law is the best way to prevent mass atrocities. In 2005 it created a National Commission for ' +
      'International Humanitarian Law, bringing together governmental institutions and civil society, which has led ' +
      'to twelve pieces of relevant legislation.',
    sources: {
      networkStatus: 'The R2P Focal Point is located in the Foreign Ministry and is a senior diplomat.',
      coHost: CO_HOSTS,
      nationalExperience: [
        'Costa Rica believes that upholding R2P entails implementation of national obligations arising from existing international law.',
        'Costa Rica believes investment in democracy and the rule of law is the best way to prevent mass atrocities and conflict.',
        'In 2005, under the sponsorship of the International Red Cross, Costa Rica created a National Commission for International Humanitarian Law.',
        'This Commission brings together different governmental institutions and civil society',
        'has led to twelve pieces of relevant legislation.',
      ],
    },
  },
  {
    id: 'dk',
    code: 'DK',
    name: 'Denmark',
    region: 'europe',
    networkStatus: 'appointed',
    coHost: true,
    yearJoined: 2010,
    nationalExperience:
      'The R2P Focal Point is the Under-Secretary for Legal Affairs at the Foreign Ministry, whose legal service has a ' +
      'network with all government agencies. The Focal Point appointed an academic adviser on R2P, mapped the ' +
      'departments and officials relevant to mainstreaming R2P within the government, and invited the stakeholders ' +
      'identified to a meeting, to be followed by bilateral meetings with relevant agencies. At the end of the ' +
      'consultation period the government will decide on whether to develop a national action plan for R2P. Denmark ' +
      'supports a web-based platform for the network.',
    sources: {
      networkStatus: 'The R2P Focal Point is the Under-Secretary for Legal Affairs at the Foreign Ministry of Denmark.',
      coHost: CO_HOSTS,
      yearJoined: LAUNCH,
      nationalExperience: [
        'The Ministry’s legal service has an established network with all government agencies',
        'Appointed an academic adviser with special expertise on R2P and initiated an exercise to map the departments and officials relevant to mainstreaming R2P within the government.',
        'Invited all stakeholders identified through the mapping exercise to a meeting.',
        'The R2P Focal Point agreed with the other Danish stakeholders to follow up with a number of bilateral meetings with relevant agencies',
        'At the end of the consultation period the Danish government will decide on whether to develop a national action plan for R2P.',
        'the Danish government will support the creation of a platform through which the national R2P Focal Points can communicate with each other.',
      ],
    },
  },
  {
    id: 'fr',
    code: 'FR',
    name: 'France',
    region: 'europe',
    networkStatus: 'appointed',
    coHost: false,
    yearJoined: null,
    nationalExperience:
      'The newly appointed R2P Focal Point is the Head of the Division for Human Rights and Humanitarian Affairs within ' +
      'the UN directorate. The role includes mainstreaming R2P within all departments and agencies of the French ' +
      'government, disseminating information on R2P within the government and coordinating diplomatic outreach on R2P.',
    sources: {
      networkStatus:
        'The R2P Focal Point is newly appointed and is the Head of the Division for Human Rights and Humanitarian Affairs within the UN directorate.',
      nationalExperience: [
        'For France the role of the R2P Focal Point includes mainstreaming R2P within all departments and agencies of the French government.',
        'The R2P Focal Point will disseminate information on R2P to different stakeholders within the government, while being in charge of coordinating diplomatic outreach on R2P.',
      ],
    },
  },
  {
    id: 'de',
    code: 'DE',
    name: 'Germany',
    region: 'europe',
    networkStatus: 'appointed',
    coHost: false,
    yearJoined: null,
    nationalExperience:
      'The recently appointed R2P Focal Point is one of the two Directors-General in the UN department of the Foreign ' +
      'Office, supervising the Human Rights division and drawing on all divisions of the UN department, including the ' +
      'Conflict Prevention and UN Security Council divisions; the Focal Point can convene different ministries on mass ' +
      'atrocity issues. Germany values the network for being informal and flexible, and wants it to have a strong ' +
      'regional component.',
    sources: {
      networkStatus:
        'The R2P Focal Point has only recently been appointed and serves as one of the two Directors-General in the UN department of the Foreign Office.',
      nationalExperience: [
        'supervises the Human Rights division and also works with the team that addresses the rule of law.',
        'he can draw on the expertise and resources of all divisions in the UN department, including the Conflict Prevention and UN Security Council divisions.',
        'The R2P Focal Point has the power and the ability to convene and bring together different ministries on mass atrocity issues.',
        'Germany believes that the strength of the network of national R2P Focal Points is that it is informal, flexible and allows for the sharing of best practices.',
        'The network should have a strong regional component',
      ],
    },
  },
  {
    id: 'ch',
    code: 'CH',
    name: 'Switzerland',
    region: 'europe',
    networkStatus: 'appointed',
    coHost: false,
    yearJoined: null,
    nationalExperience:
      'The R2P Focal Point is the Head of the task force on dealing with the past and the prevention of atrocities, and ' +
      'also works on impunity and accountability. The task force is composed of officials of the Multilateral ' +
      'Division, the International Law Directorate, the Agency for Cooperation and Humanitarian Assistance and the ' +
      'Division for Human Security, and is in charge of these issues for the Federal Department of Foreign Affairs.',
    sources: {
      networkStatus:
        'The R2P Focal Point is the Head of the task force on dealing with the past and the prevention of atrocities and also works on impunity and accountability issues.',
      nationalExperience: [
        'The task force is composed of officials working in the Multilateral Division, International Law Directorate, Agency for Cooperation and Humanitarian Assistance and Division for Human Security.',
        'The task force is in charge of these issues for the Swiss Federal Department of Foreign Affairs.',
      ],
    },
  },
  {
    id: 'us',
    code: 'US',
    name: 'United States',
    region: 'americas',
    networkStatus: 'appointed',
    coHost: false,
    yearJoined: null,
    nationalExperience:
      'The R2P Focal Point is the Director for War Crimes and Atrocities on the National Security Council staff, a ' +
      'position created by the President to focus efforts on mass atrocity prevention. Presidential Study Directive 10 ' +
      '(August 2011) stated that mass atrocity prevention is a core national security interest and directed the ' +
      'creation of an inter-agency Atrocity Prevention Board. The Focal Point is oriented toward external situations.',
    sources: {
      networkStatus:
        'The R2P Focal Point is the Director for War Crimes and Atrocities on the National Security Council staff, a position specifically created by the President of the United States to focus efforts on mass atrocity prevention.',
      nationalExperience: [
        'In August 2011, the President of the United States issued a Presidential Study Directive 10 (PSD- 10).',
        'PSD-10 stated that mass atrocity prevention is a core national security interest',
        'PSD-10 also directed the creation of an Atrocity Prevention Board, an inter-agency board established to strengthen the United States',
        "The United States' R2P Focal Point is oriented toward external situations",
      ],
    },
  },
  {
    id: 'gh',
    code: 'GH',
    name: 'Ghana',
    region: 'africa',
    networkStatus: 'none',
    coHost: true,
    yearJoined: 2010,
    nationalExperience:
      'Ghana launched the R2P Focal Points initiative with Denmark in September 2010, in collaboration with the Global ' +
      'Centre for the Responsibility to Protect, and co-hosted the second annual meeting in 2012.',
    sources: {
      // The report names no placement for Ghana's focal point: see the header.
      networkStatus: LAUNCH,
      coHost: CO_HOSTS,
      yearJoined: LAUNCH,
      nationalExperience: [LAUNCH, CO_HOSTS],
    },
  },
  {
    id: 'ci',
    code: 'CI',
    name: "Côte d'Ivoire",
    region: 'africa',
    networkStatus: 'announced',
    coHost: false,
    yearJoined: null,
    nationalExperience: 'Announced at the second annual meeting its intention to appoint an R2P Focal Point.',
    sources: { networkStatus: ANNOUNCED, nationalExperience: [ANNOUNCED] },
  },
  {
    id: 'si',
    code: 'SI',
    name: 'Slovenia',
    region: 'europe',
    networkStatus: 'announced',
    coHost: false,
    yearJoined: null,
    nationalExperience: 'Announced at the second annual meeting its intention to appoint an R2P Focal Point.',
    sources: { networkStatus: ANNOUNCED, nationalExperience: [ANNOUNCED] },
  },
  {
    // The report lists the EU among the national experiences; EU is ISO 3166-1's exceptionally reserved code for it.
    id: 'eu',
    code: 'EU',
    name: 'European Union',
    region: 'europe',
    networkStatus: 'none',
    coHost: false,
    yearJoined: null,
    nationalExperience:
      'The EU has not yet appointed an R2P Focal Point, but R2P is considered an integral part of its priorities when ' +
      'working with the UN. The EU has promoted R2P in high-level bilateral meetings, works on early warning and the ' +
      'sharing of best practices in governance, and has discussed R2P frameworks with the OSAPG.',
    sources: {
      networkStatus: 'The EU has not yet appointed an R2P Focal Point, but R2P is considered an integral part of their priorities when working with the UN.',
      nationalExperience: [
        'The EU has promoted R2P in high-level bilateral meetings with key partners and contacts.',
        'the EU has been working on issues of early warning and the sharing of best practices in governance and has also been discussing R2P frameworks with the OSAPG.',
      ],
    },
  },
];
