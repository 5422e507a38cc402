import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { usePost } from '../../features/community/api.ts';
import { errorMessage } from '../../lib/messages.ts';
import { NotFoundHere } from '../../features/community/NotFoundHere.tsx';

/** A link to one post (from a notification): finds its topic and place, then goes there. */
export function PostLinkPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const post = usePost(id);
  const navigate = useNavigate();
  const found = post.data;
  useEffect(() => {
    if (found) void navigate(`/community/t/${found.topicId}#post-${found.number}`, { replace: true });
  }, [found]);
  if (post.isError) {
    return (
      <Page title={t('community.index.title')}>
        <Alert tone="error" title={errorMessage(post.error, t)} />
      </Page>
    );
  }
  if (post.data === null) return <NotFoundHere />;
  return (
    <Page title={t('community.topic.loading')}>
      <Loading />
    </Page>
  );
}
