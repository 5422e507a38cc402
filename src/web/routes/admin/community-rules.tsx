import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { CommunityAdminPage } from '../../features/community/moderation/CommunityAdminPage.tsx';
import { Done } from '../../features/community/moderation/QueueActions.tsx';
import { RulesForm } from '../../features/community/moderation/RulesForm.tsx';
import { useModerationSettings } from '../../features/community/moderation-api.ts';
import { errorMessage } from '../../lib/messages.ts';

/** The automatic rules that hold a post for a moderator before anyone sees it, and who the moderators are. */
export function CommunityRulesPage() {
  const { t } = useTranslation();
  const settings = useModerationSettings();
  const [saved, setSaved] = useState(0);
  return (
    <CommunityAdminPage title={t('communityMod.rules.title')} lead={t('communityMod.rules.lead')}>
      {saved > 0 && <Done key={saved} text={t('communityMod.rules.saved')} />}
      {settings.isPending && <Loading />}
      {settings.isError && <Alert tone="error" title={errorMessage(settings.error, t)} />}
      {/* Keyed by each save, so the form starts again from what the server now holds. */}
      {settings.data && <RulesForm key={saved} current={settings.data} onSaved={() => setSaved((n) => n + 1)} />}
      <section className="card" aria-labelledby="rules-moderators">
        <h2 id="rules-moderators">{t('communityMod.rules.moderatorsTitle')}</h2>
        <p>{t('communityMod.rules.moderatorsLead')}</p>
        <p className="mod-links">
          <Link to="/admin">{t('communityMod.rules.grantLink')}</Link>
          <Link to="/admin?role=moderator">{t('communityMod.rules.currentModerators')}</Link>
        </p>
      </section>
    </CommunityAdminPage>
  );
}
