import { useTranslation } from 'react-i18next';
import { useDirectoryStore } from '../../stores/use-directory-store';

/**
 * First run: an empty directory offers the demo network drawn from the 2012 meeting report, saying that its entries
 * are marked and can be deleted. After loading, it reports what arrived; it never shows on a directory with data.
 */
export function SeedOffer() {
  const { t } = useTranslation();
  const status = useDirectoryStore((state) => state.status);
  const seed = useDirectoryStore((state) => state.seed);
  const loadDemo = useDirectoryStore((state) => state.loadDemo);

  if (seed.status === 'done') {
    return (
      <p className="notice" role="status">
        {t('directory.seed.done', { ...seed.report })}
      </p>
    );
  }
  if (status?.empty !== true) return null;
  const seeding = seed.status === 'seeding';
  return (
    <section className="seed-offer" aria-labelledby="seed-offer-title">
      <h2 className="empty-state__title" id="seed-offer-title">
        {t('directory.emptyTitle')}
      </h2>
      <p className="empty-state__body">{t('directory.emptyBody')}</p>
      <button
        type="button"
        className="button button--primary"
        disabled={seeding}
        onClick={() => {
          void loadDemo();
        }}
      >
        {seeding ? t('directory.seed.loading') : t('directory.seed.offer')}
      </button>
      <p className="field__help">{t('directory.seed.note')}</p>
      {seed.status === 'error' ? (
        <p className="field__error" role="alert">
          {t('directory.seed.failed')} {seed.error.message}
        </p>
      ) : null}
    </section>
  );
}
