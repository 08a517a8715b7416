import type { Locale } from './en';

/** French. `satisfies Locale` makes a missing or extra key a compile error. */
export const fr = {
  app: {
    name: 'Focal Desk',
  },
  shell: {
    skipToContent: 'Aller au contenu',
    sectionsLabel: 'Sections',
    statusBarLabel: 'État',
    storeStatus: 'Stockage local\u00a0: {{status}}',
    storeStatusHint: 'Voir le détail dans les paramètres',
  },
  sections: {
    directory: 'Annuaire',
    documents: 'Documents',
    meetings: 'Réunions',
    briefing: "Dossiers d'information",
    sync: 'Synchronisation',
    settings: 'Paramètres',
  },
  directory: {
    emptyTitle: "Aucun point focal pour l'instant",
    emptyBody:
      "Les contacts arriveront avec la fonctionnalité Annuaire\u00a0: les pays, les organisations et les personnes qui sont points focaux nationaux pour la responsabilité de protéger (R2P), tous consultables hors ligne.",
  },
  documents: {
    emptyTitle: "Aucun document pour l'instant",
    emptyBody:
      'Les déclarations, rapports et textes de référence apparaîtront ici avec la fonctionnalité Documents. Les fichiers sont conservés sur cet ordinateur\u00a0: vous pourrez les lire hors ligne.',
  },
  meetings: {
    emptyTitle: "Aucune réunion pour l'instant",
    emptyBody:
      "Les réunions, avec leur ordre du jour, la liste des participants et les actions de suivi, apparaîtront ici avec la fonctionnalité Réunions.",
  },
  briefing: {
    emptyTitle: "Aucun dossier d'information pour l'instant",
    emptyBody:
      "Un dossier d'information rassemble en un seul fichier, à partager ou à imprimer, les documents, les contacts et les points de l'ordre du jour d'une réunion ou d'une mission. Les dossiers arriveront avec la fonctionnalité Dossiers d'information.",
  },
  sync: {
    emptyTitle: "La synchronisation n'est pas encore configurée",
    emptyBody:
      "Focal Desk fonctionne entièrement hors ligne. Avec la fonctionnalité Synchronisation, vous vous connecterez ici au serveur de votre réseau et verrez ce qui a été envoyé et reçu.",
  },
  settings: {
    languageLabel: 'Langue',
    languageHelp: 'Les menus et les messages utilisent cette langue. Votre choix est conservé sur cet ordinateur.',
    languageNames: {
      en: 'English',
      fr: 'Français',
    },
    shortcutsHeading: 'Raccourcis clavier',
    shortcutSections: 'Aller à une section',
    shortcutSectionsKeys: 'Ctrl+1 à Ctrl+6 (⌘1 à ⌘6 sur macOS)',
    shortcutArrows: "Passer d'une section à l'autre",
    shortcutArrowsKeys: 'Touches fléchées, Début et Fin, dans la liste des sections',
    shortcutSkip: 'Aller au contenu',
    shortcutSkipKeys: 'Tab, en première touche sur la page',
  },
  about: {
    heading: 'À propos',
    loading: 'Chargement des informations sur Focal Desk…',
    errorTitle: "Ces informations n'ont pas pu être chargées.",
    retry: 'Réessayer',
    name: 'Application',
    version: 'Version',
    shell: 'Mode de fonctionnement',
    dataDirectory: 'Dossier des données',
    platform: 'Plateforme',
    node: 'Node.js',
    electron: 'Electron',
    chrome: 'Chromium',
    startedAt: 'Démarré le',
    storeHealth: 'Stockage local',
    freeSpace: 'Espace disque libre',
    lastChecked: 'Dernière vérification',
    problems: 'Problèmes',
    storeFile: 'Fichier de la base',
    storeSize: 'Taille de la base',
    encryption: 'Chiffrement',
    encrypted: 'Chiffrée sur cet ordinateur',
    notEncrypted: 'Non chiffrée',
    documents: 'Documents',
    documentCount: '{{collection}} : {{count}}',
    notCreated: 'Pas encore créée',
    collections: {
      countries: 'Pays',
    },
    noProblems: 'Aucun',
    notApplicable: 'Sans objet',
    unknown: 'Inconnu',
    unknownUntilUnlocked: 'Inconnu tant que Focal Desk est verrouillé',
    shells: {
      electron: 'Application de bureau',
      host: "Navigateur, par l'hôte local",
      cli: 'Ligne de commande',
    },
  },
  health: {
    ok: 'En bon état',
    degraded: 'À surveiller',
    failed: 'Hors service',
    unknown: 'Vérification…',
    problems: {
      'data-dir-not-writable':
        "Impossible d'écrire dans le dossier des données {{dataDirectory}}. Vérifiez ses droits d'accès et le disque.",
      'low-disk-space': 'Le disque du dossier des données est presque plein : {{free}} libres.',
      'lock-lost': "Focal Desk ne détient plus son dossier des données. Fermez-le et relancez-le.",
    },
  },
  connection: {
    reconnecting: 'Pas de connexion à Focal Desk. Nouvel essai (tentative {{attempt}} sur {{max}})…',
    offline:
      "Focal Desk est injoignable. Il a peut-être été fermé ou redémarré\u00a0: si vous l'avez redémarré, ouvrez la nouvelle adresse qu'il a affichée.",
    reconnectNow: 'Se reconnecter',
    errors: {
      lost: "La connexion à Focal Desk a été perdue avant sa réponse. Réessayez une fois la connexion rétablie.",
      notConnected: "Focal Desk n'est pas connecté pour le moment. Réessayez une fois la connexion rétablie.",
      timeout: "Focal Desk n'a pas répondu à temps. Réessayez dans un instant.",
      closed: "Cette fenêtre n'est plus connectée à Focal Desk. Rechargez la page pour vous reconnecter.",
      tooLarge: 'Cette demande est trop volumineuse pour être envoyée à Focal Desk.',
      notSendable: "Cette demande n'a pas pu être envoyée à Focal Desk.",
      badReply: 'Focal Desk a envoyé une réponse que cette fenêtre ne comprend pas. Rechargez la page et réessayez.',
      noCore: "Cette fenêtre n'est pas connectée à Focal Desk.",
    },
  },
  noCore: {
    title: 'Ouvrez Focal Desk depuis son lanceur',
    intro: 'Cette page a besoin que Focal Desk fonctionne sur cet ordinateur, et elle ne le trouve pas.',
    desktop: "Pour utiliser l'application de bureau, lancez <code>npm start</code>.",
    browser:
      "Pour l'utiliser dans un navigateur, lancez <code>npm run host</code> et ouvrez l'adresse complète qu'il affiche\u00a0: elle se termine par <code>#token=…</code>, la clé qui vous permet, à vous seul, de vous connecter tant qu'il fonctionne.",
    restarted:
      "Si Focal Desk était déjà ouvert dans cet onglet et a été redémarré, ouvrez la nouvelle adresse qu'il a affichée.",
  },
  unlock: {
    checking: 'Ouverture de Focal Desk…',
    setup: {
      title: 'Protégez vos données par une phrase secrète',
      intro:
        "Focal Desk chiffre tout ce qu'il conserve sur cet ordinateur. Choisissez la phrase secrète qui le protège\u00a0: vous la saisirez à chaque démarrage de Focal Desk.",
      warning:
        'Personne ne peut retrouver une phrase secrète oubliée, pas même votre administrateur informatique. Sans elle, les données de cet ordinateur ne pourront plus jamais être lues. Conservez-la en lieu sûr.',
      passphraseLabel: 'Phrase secrète',
      confirmationLabel: 'Saisissez à nouveau la phrase secrète',
      rules:
        'Au moins {{min}} caractères. Quelques mots sans rapport entre eux font une phrase secrète à la fois solide et facile à retenir.',
      submit: 'Protéger et ouvrir',
      busy: 'Protection de vos données…',
    },
    strength: {
      'too-short': 'Trop courte\u00a0: {{length}} sur {{min}} caractères',
      fair: 'Solidité\u00a0: moyenne. Plus elle est longue, plus elle est solide.',
      good: 'Solidité\u00a0: bonne',
      strong: 'Solidité\u00a0: excellente',
    },
    form: {
      title: 'Focal Desk est verrouillé',
      intro: 'Saisissez la phrase secrète qui protège les données de cet ordinateur.',
      passphraseLabel: 'Phrase secrète',
      submit: 'Déverrouiller',
      busy: 'Déverrouillage…',
    },
    issues: {
      required: 'Saisissez une phrase secrète.',
      'only-whitespace': 'Une phrase secrète ne peut pas contenir que des espaces.',
      'too-short': 'Utilisez au moins {{min}} caractères.',
      'too-long': 'Utilisez au plus {{max}} caractères.',
      mismatch: 'Les deux phrases secrètes sont différentes.',
    },
    errors: {
      wrongPassphrase: 'Cette phrase secrète ne déverrouille pas Focal Desk. Vérifiez-la et réessayez.',
      wrongPassphraseWait: 'Cette phrase secrète ne déverrouille pas Focal Desk. Attendez {{wait}} avant de réessayer.',
      tooManyAttempts: 'Trop de phrases secrètes erronées. Attendez {{wait}} avant de réessayer.',
    },
  },
  errors: {
    boundaryTitle: 'Un problème est survenu',
    boundaryBody:
      "Cette partie de Focal Desk a cessé de fonctionner. Vos données sont en sécurité. Réessayez\u00a0; si le problème persiste, redémarrez Focal Desk.",
    retry: 'Réessayer',
  },
} as const satisfies Locale;
