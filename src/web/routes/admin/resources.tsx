import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../contracts/common.ts';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { EntriesPanel } from '../../features/resources/admin/EntriesPanel.tsx';
import { ImportPanel } from '../../features/resources/admin/ImportPanel.tsx';
import { SettingsPanel } from '../../features/resources/admin/SettingsPanel.tsx';
import { type Resource, useResource, useSaveResource } from '../../features/resources/api.ts';
import { ResourceForm } from '../../features/resources/ResourceForm.tsx';
import '../../features/resources/resources.css';
import { currentLocale } from '../../i18n/setup.ts';
import { errorMessage } from '../../lib/messages.ts';
import { NotFoundPage } from '../not-found.tsx';
import { AdminPage } from './layout.tsx';

/**
 * The directory for coordinators: every entry (archived ones too), adding and editing one in full with its Spanish
 * or English text, hours and map position; the re-verification period and phone country; import and export.
 * `?new=1` and `?edit=<id>` open the entry form in place of the overview.
 */
export function ResourcesAdminPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const edit = params.get('edit');
  const [saved, setSaved] = useState<Resource | null>(null);
  const navigate = useNavigate();
  const done = (r: Resource | null) => {
    setSaved(r);
    void navigate('/admin/resources');
  };
  if (edit) return <EditEntry key={edit} id={edit} onDone={done} />;
  if (params.get('new')) return <NewEntry onDone={done} />;
  return (
    <AdminPage title={t('resources.admin.title')} lead={t('resources.admin.lead')}>
      <Saved resource={saved} />
      <p>
        <Link to="/resources/review">{t('resources.links.review')}</Link>
      </p>
      <EntriesPanel />
      <SettingsPanel />
      <ImportPanel />
    </AdminPage>
  );
}

/** "Saved", said once after coming back from the form, with focus so a screen reader hears it. */
function Saved({ resource }: { resource: Resource | null }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // After the page's own focus on its heading (a parent's effect runs after this one).
    if (resource) requestAnimationFrame(() => ref.current?.focus());
  }, [resource]);
  if (!resource) return null;
  return (
    <Alert tone="success" ref={ref} title={t('resources.admin.saved', { name: resource.name })}>
      <p>
        <Link to={`/resources/${resource.id}`}>{t('resources.admin.openSaved', { name: resource.name })}</Link>
      </p>
    </Alert>
  );
}

function NewEntry({ onDone }: { onDone: (r: Resource | null) => void }) {
  const { t } = useTranslation();
  const save = useSaveResource();
  return (
    <AdminPage title={t('resources.admin.newTitle')}>
      <ResourceForm mode="coordinator" submitLabel={t('resources.admin.create')} onSubmit={async (body) => onDone(await save.mutateAsync(body))} onCancel={() => onDone(null)} />
    </AdminPage>
  );
}

const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español' };

/**
 * Whether the answer holds the entry's own name and description: it shows the reader's translation instead when
 * there is one, so unless the entry's own language is among its translations, editing it in the other language
 * would save the translation as the original.
 */
const ownTextKnown = (r: Resource) => r.locale === currentLocale() || !r.translations[currentLocale()] || Boolean(r.translations[r.locale]);

function EditEntry({ id, onDone }: { id: string; onDone: (r: Resource | null) => void }) {
  const { t } = useTranslation();
  const entry = useResource(id);
  const save = useSaveResource(id);
  if (entry.isPending) {
    return (
      <AdminPage title={t('resources.admin.editTitle')}>
        <Loading />
      </AdminPage>
    );
  }
  if (entry.isError) {
    return (
      <AdminPage title={t('resources.admin.editTitle')}>
        <Alert tone="error" title={errorMessage(entry.error, t)} />
      </AdminPage>
    );
  }
  if (!entry.data) return <NotFoundPage />;
  if (!ownTextKnown(entry.data)) {
    return (
      <AdminPage title={t('resources.admin.editNamed', { name: entry.data.name })}>
        <Alert tone="warning" title={t('resources.admin.switchLanguage', { language: LANGUAGE_NAMES[entry.data.locale] })} />
      </AdminPage>
    );
  }
  return (
    <AdminPage title={t('resources.admin.editNamed', { name: entry.data.name })}>
      <ResourceForm mode="coordinator" resource={entry.data} submitLabel={t('resources.admin.save')} onSubmit={async (body) => onDone(await save.mutateAsync(body))} onCancel={() => onDone(null)} />
    </AdminPage>
  );
}
