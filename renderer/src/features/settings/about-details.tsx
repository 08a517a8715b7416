import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, HealthProblem, StoreHealth } from '../../../../shared/api/app';
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
