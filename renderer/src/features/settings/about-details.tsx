import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, HealthProblem, StoreHealth, StoreInfo } from '../../../../shared/api/app';
import type { CollectionName } from '../../../../shared/schemas/collections';
import { HealthBadge } from '../../components/health-badge';
import { formatBytes, formatDateTime } from '../../i18n/format';
import type { Language } from '../../i18n/i18n';

export interface AboutDetailsProps {
  readonly info: AppInfo;
  /** The live health, which may be newer than the one `info` was loaded with. */
  readonly health: StoreHealth;
  readonly language: Language;
}

/** What the running core reports about itself, as a term/description list. */
export function AboutDetails({ info, health, language }: AboutDetailsProps) {
  const { t } = useTranslation();
  const notApplicable = t('about.notApplicable');
  const storeRows = (store: StoreInfo | null): (readonly [string, ReactNode])[] => {
    if (store === null) return [[t('about.storeFile'), t('about.notCreated')]];
    const counts = store.documentCounts;
    return [
      [t('about.storeFile'), <span className="about__path">{store.path}</span>],
      [t('about.storeSize'), formatBytes(store.sizeBytes, language)],
      [t('about.encryption'), store.encrypted ? t('about.encrypted') : t('about.notEncrypted')],
      [
        t('about.documents'),
        counts === null ? (
          t(store.locked ? 'about.unknownUntilUnlocked' : 'about.unknown')
        ) : (
          <ul className="about__counts">
            {Object.entries(counts).map(([name, count]) => (
              <li key={name}>
                {t('about.documentCount', {
                  collection: t(`about.collections.${name as CollectionName}`, { defaultValue: name }),
                  count: new Intl.NumberFormat(language).format(count),
                })}
              </li>
            ))}
          </ul>
        ),
      ],
    ];
  };
  const describeProblem = (problem: HealthProblem): string =>
    t(`health.problems.${problem.code}`, {
      dataDirectory: info.dataDirectory,
      free: health.freeBytes === null ? t('about.unknown') : formatBytes(health.freeBytes, language),
    });
  const rows: readonly (readonly [string, ReactNode])[] = [
    [t('about.name'), info.name],
    [t('about.version'), info.version],
    [t('about.shell'), t(`about.shells.${info.shell}`)],
    [t('about.dataDirectory'), <span className="about__path">{info.dataDirectory}</span>],
    [t('about.platform'), info.platform],
    [t('about.node'), info.runtime.node],
    [t('about.electron'), info.runtime.electron ?? notApplicable],
    [t('about.chrome'), info.runtime.chrome ?? notApplicable],
    [t('about.startedAt'), formatDateTime(info.startedAt, language)],
    [t('about.storeHealth'), <HealthBadge status={health.status} label={t(`health.${health.status}`)} />],
    [t('about.freeSpace'), health.freeBytes === null ? t('about.unknown') : formatBytes(health.freeBytes, language)],
    [t('about.lastChecked'), formatDateTime(health.checkedAt, language)],
    ...storeRows(info.store),
    [
      t('about.problems'),
      health.problems.length === 0 ? (
        t('about.noProblems')
      ) : (
        <ul className="about__problems">
          {health.problems.map((problem) => (
            <li key={problem.code}>{describeProblem(problem)}</li>
          ))}
        </ul>
      ),
    ],
  ];
  return (
    <dl className="about">
      {rows.map(([term, details]) => (
        <div className="about__row" key={term}>
          <dt>{term}</dt>
          <dd>{details}</dd>
        </div>
      ))}
    </dl>
  );
}
