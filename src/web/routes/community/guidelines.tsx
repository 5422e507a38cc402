import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useGuidelines } from '../../features/community/api.ts';
import { CommunityPage } from '../../features/community/CommunityPage.tsx';
import { GuidelinesText } from '../../features/community/Guidelines.tsx';
import { errorMessage } from '../../lib/messages.ts';

/** The community guidelines, open to anyone, in the reader's language; says whether the reader has agreed. */
export function GuidelinesPage() {
  const { t } = useTranslation();
  const guidelines = useGuidelines();
  const g = guidelines.data;
  return (
    <CommunityPage title={g?.title ?? t('community.guidelines.title')}>
      {guidelines.isPending && <Loading />}
      {guidelines.isError && <Alert tone="error" title={errorMessage(guidelines.error, t)} />}
      {g && (
        <>
          {g.acceptedVersion !== null && (
            <p className="muted">{t(g.acceptedVersion === g.version ? 'community.guidelines.accepted' : 'community.guidelines.changed')}</p>
          )}
          <GuidelinesText guidelines={g} />
        </>
      )}
    </CommunityPage>
  );
}
