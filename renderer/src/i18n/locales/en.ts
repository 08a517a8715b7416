/**
 * English, the reference locale: every other locale must have exactly these keys (checked by the compiler through
 * `Locale` and at test time by locales.test.ts). Keys are grouped by the screen or part of the shell that shows them.
 */
export const en = {
  app: {
    name: 'Focal Desk',
  },
  shell: {
    skipToContent: 'Skip to content',
    sectionsLabel: 'Sections',
    statusBarLabel: 'Status',
    storeStatus: 'Local store: {{status}}',
    storeStatusHint: 'Show details in Settings',
  },
  sections: {
    directory: 'Directory',
    documents: 'Documents',
    meetings: 'Meetings',
    briefing: 'Briefing packs',
    sync: 'Sync',
    settings: 'Settings',
  },
  directory: {
    emptyTitle: 'No focal points yet',
    emptyBody:
      'Contacts arrive with the directory feature: countries, organisations and the people who serve as national R2P Focal Points, all available offline.',
  },
  documents: {
    emptyTitle: 'No documents yet',
    emptyBody:
      'Statements, reports and reference texts will be listed here once the documents feature arrives. Files are kept on this computer, so you can read them offline.',
  },
  meetings: {
    emptyTitle: 'No meetings yet',
    emptyBody:
      'Meetings, with their agendas, attendance and follow-up actions, will appear here once the meetings feature arrives.',
  },
  briefing: {
    emptyTitle: 'No briefing packs yet',
    emptyBody:
      'A briefing pack gathers the documents, contacts and agenda items for a meeting or a mission into one file you can share or print. Packs arrive with the briefing feature.',
  },
  sync: {
    emptyTitle: 'Sync is not set up yet',
    emptyBody:
      "Focal Desk works fully offline. Once sync arrives, you will connect to your network's server here and see what was sent and received.",
  },
  settings: {
    languageLabel: 'Language',
    languageHelp: 'Menus and messages use this language. Your choice is kept on this computer.',
    languageNames: {
      en: 'English',
      fr: 'Français',
    },
    shortcutsHeading: 'Keyboard shortcuts',
    shortcutSections: 'Go to a section',
    shortcutSectionsKeys: 'Ctrl+1 to Ctrl+6 (⌘1 to ⌘6 on macOS)',
    shortcutArrows: 'Move between sections',
    shortcutArrowsKeys: 'Arrow keys, Home and End, in the section list',
    shortcutSkip: 'Skip to content',
    shortcutSkipKeys: 'Tab, as the first key on the page',
  },
  about: {
    heading: 'About',
    loading: 'Loading information about Focal Desk…',
    errorTitle: 'This information could not be loaded.',
    retry: 'Try again',
    name: 'Application',
    version: 'Version',
    shell: 'Running as',
    dataDirectory: 'Data folder',
    platform: 'Platform',
    node: 'Node.js',
    electron: 'Electron',
    chrome: 'Chromium',
    startedAt: 'Started',
    storeHealth: 'Local store',
    freeSpace: 'Free disk space',
    lastChecked: 'Last checked',
    problems: 'Problems',
    noProblems: 'None',
    storeFile: 'Database file',
    storeSize: 'Database size',
    encryption: 'Encryption',
    encrypted: 'Encrypted on this computer',
    notEncrypted: 'Not encrypted',
    documents: 'Documents',
    documentCount: '{{collection}}: {{count}}',
    notCreated: 'Not created yet',
    collections: {
      countries: 'Countries',
    },
    notApplicable: 'Not applicable',
    unknown: 'Unknown',
    unknownUntilUnlocked: 'Unknown until Focal Desk is unlocked',
    shells: {
      electron: 'Desktop app',
      host: 'Browser, through the local host',
      cli: 'Command line',
    },
  },
  health: {
    ok: 'Healthy',
    degraded: 'Needs attention',
    failed: 'Not working',
    unknown: 'Checking…',
    problems: {
      'data-dir-not-writable': 'The data folder {{dataDirectory}} cannot be written to. Check its permissions and the disk.',
      'low-disk-space': 'The disk holding the data folder is almost full: {{free}} free.',
      'lock-lost': 'Focal Desk no longer holds its data folder. Close it and start it again.',
    },
  },
  connection: {
    reconnecting: 'Not connected to Focal Desk. Trying again (attempt {{attempt}} of {{max}})…',
    offline:
      'Focal Desk cannot be reached. It may have been closed or restarted: if you restarted it, open the new address it printed.',
    reconnectNow: 'Reconnect now',
    errors: {
      lost: 'The connection to Focal Desk was lost before it answered. Try again once it reconnects.',
      notConnected: 'Focal Desk is not connected right now. Try again once the connection is back.',
      timeout: 'Focal Desk did not answer in time. Try again in a moment.',
      closed: 'This window is no longer connected to Focal Desk. Reload the page to connect again.',
      tooLarge: 'This request is too large to send to Focal Desk.',
      notSendable: 'This request could not be sent to Focal Desk.',
      badReply: 'Focal Desk sent an answer this window does not understand. Reload the page and try again.',
      noCore: 'This window is not connected to Focal Desk.',
    },
  },
  noCore: {
    title: 'Open Focal Desk from its launcher',
    intro: 'This page needs Focal Desk running on this computer, and it cannot find it.',
    desktop: 'To use the desktop app, run <code>npm start</code>.',
    browser:
      'To use it in a browser, run <code>npm run host</code> and open the full address it prints: it ends with <code>#token=…</code>, the key that lets only you connect while it runs.',
    restarted: 'If Focal Desk was already open in this tab and has been restarted, open the new address it printed.',
  },
  unlock: {
    checking: 'Opening Focal Desk…',
    setup: {
      title: 'Protect your data with a passphrase',
      intro:
        'Focal Desk encrypts everything it keeps on this computer. Choose the passphrase that protects it: you will type it each time Focal Desk starts.',
      warning:
        'Nobody can recover a forgotten passphrase, not even your IT administrator. Without it, the data on this computer can never be read again. Keep it somewhere safe.',
      passphraseLabel: 'Passphrase',
      confirmationLabel: 'Type the passphrase again',
      rules: 'At least {{min}} characters. A few unrelated words make a passphrase that is both strong and easy to remember.',
      submit: 'Protect and open',
      busy: 'Protecting your data…',
    },
    strength: {
      'too-short': 'Too short: {{length}} of {{min}} characters',
      fair: 'Strength: fair. A longer passphrase is stronger.',
      good: 'Strength: good',
      strong: 'Strength: strong',
    },
    form: {
      title: 'Focal Desk is locked',
      intro: 'Enter the passphrase that protects the data on this computer.',
      passphraseLabel: 'Passphrase',
      submit: 'Unlock',
      busy: 'Unlocking…',
    },
    issues: {
      required: 'Enter a passphrase.',
      'only-whitespace': 'A passphrase cannot be only spaces.',
      'too-short': 'Use at least {{min}} characters.',
      'too-long': 'Use at most {{max}} characters.',
      mismatch: 'The two passphrases are different.',
    },
    errors: {
      wrongPassphrase: 'That passphrase does not unlock Focal Desk. Check it and try again.',
      wrongPassphraseWait: 'That passphrase does not unlock Focal Desk. Wait {{wait}} before trying again.',
      tooManyAttempts: 'Too many wrong passphrases. Wait {{wait}} before trying again.',
    },
  },
  errors: {
    boundaryTitle: 'Something went wrong',
    boundaryBody:
      'This part of Focal Desk stopped working. Your data is safe. Try again; if the problem comes back, restart Focal Desk.',
    retry: 'Try again',
  },
} as const;

/** The shape every locale must have: the same keys as English, any text. */
export type Locale = LocaleShape<typeof en>;

type LocaleShape<T> = { readonly [K in keyof T]: T[K] extends string ? string : LocaleShape<T[K]> };
