import { useTranslation } from 'react-i18next';
import type { ContactRole } from '../../../../shared/schemas/contact';
import { Badge } from '../../components/badge';

export interface RoleBadgesProps {
  readonly roles: readonly ContactRole[];
  readonly demo?: boolean;
  readonly deleted?: boolean;
}

/** A contact's roles as badges, then "Demo" for demo data and "Deleted" for a deleted contact. */
export function RoleBadges({ roles, demo = false, deleted = false }: RoleBadgesProps) {
  const { t } = useTranslation();
  return (
    <span className="badges">
      {roles.map((role) => (
        <Badge key={role} tone="role" label={t(`directory.roles.${role}`)} />
      ))}
      {demo ? <Badge tone="demo" label={t('directory.row.demo')} /> : null}
      {deleted ? <Badge tone="deleted" label={t('directory.row.deleted')} /> : null}
    </span>
  );
}
