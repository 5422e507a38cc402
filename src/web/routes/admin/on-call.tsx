import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { type OnCallShift, useAddShift, useOnCall, useRemoveShift, useResponders } from '../../features/safety/api.ts';
import { DateTimeField, localInputToIso, toLocalInput } from '../../features/safety/DateTimeField.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { ApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/messages.ts';
import { browserTimeZone, formatDateTime } from '../../lib/time.ts';
import '../../styles/safety.css';
import { AdminPage } from './layout.tsx';

/** Who is on call when: the roster paged, in order, when someone needs help and nobody has answered yet. */
export function OnCallPage() {
  const { t } = useTranslation();
  const shifts = useOnCall();
  return (
    <AdminPage title={t('safety.onCall.title')} lead={t('safety.onCall.lead')}>
      <section aria-labelledby="on-call-list">
        <h2 id="on-call-list">{t('safety.onCall.listTitle')}</h2>
        {shifts.isPending && <Loading />}
        {shifts.isError && <Alert tone="error" title={errorMessage(shifts.error, t)} />}
        {shifts.data && (shifts.data.length === 0 ? <p>{t('safety.onCall.none')}</p> : <ShiftList shifts={shifts.data} />)}
      </section>
      <AddShift />
    </AdminPage>
  );
}

function ShiftList({ shifts }: { shifts: OnCallShift[] }) {
  const { t } = useTranslation();
  const remove = useRemoveShift();
  const [asking, setAsking] = useState<string | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  const locale = currentLocale();
  const now = Date.now();
  return (
    <>
      <ul className="card-list card-list--single shift-list">
        {[...shifts]
          .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.position - b.position)
          .map((s) => {
            const live = Date.parse(s.startsAt) <= now && now < Date.parse(s.endsAt);
            return (
              <li key={s.id} className="card">
                <h3 className="shift-name">{s.displayName}</h3>
                <p className="badges">
                  {live && <span className="badge badge--pending">{t('safety.onCall.now')}</span>}
                  {!s.certified && <span className="badge badge--warning">{t('safety.onCall.notCertified')}</span>}
                </p>
                <p>{t('safety.onCall.when', { start: formatDateTime(s.startsAt, locale), end: formatDateTime(s.endsAt, locale) })}</p>
                <p className="muted">{t('safety.onCall.positionValue', { position: s.position })}</p>
                {asking === s.id ? (
                  <ConfirmDelete
                    question={t('safety.onCall.removeQuestion', { name: s.displayName })}
                    yes={t('safety.onCall.removeYes')}
                    no={t('common.cancel')}
                    pending={remove.isPending}
                    onConfirm={() => remove.mutate(s.id, { onSuccess: () => (setAsking(null), setRemoved(s.displayName)) })}
                    onCancel={() => setAsking(null)}
                  />
                ) : (
                  <Button variant="quiet" onClick={() => (setRemoved(null), setAsking(s.id))}>
                    {t('safety.onCall.remove')}
                    <span className="visually-hidden"> ({s.displayName}, {formatDateTime(s.startsAt, locale)})</span>
                  </Button>
                )}
              </li>
            );
          })}
      </ul>
      <div role="status">{removed && <Alert tone="success" title={t('safety.onCall.removed', { name: removed })} />}</div>
      {remove.isError && <Alert live tone="error" title={errorMessage(remove.error, t)} />}
    </>
  );
}

function AddShift() {
  const { t } = useTranslation();
  const responders = useResponders();
  const add = useAddShift();
  const start = new Date();
  start.setSeconds(0, 0);
  const [values, setValues] = useState({ userId: '', startsAt: toLocalInput(start), endsAt: toLocalInput(new Date(start.getTime() + 8 * 3_600_000)), position: '0' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [added, setAdded] = useState<string | null>(null);
  const certified = (responders.data ?? []).filter((r) => r.certified);
  const set = (name: keyof typeof values) => (v: string) => setValues((s) => ({ ...s, [name]: v }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAdded(null);
    const startsAt = localInputToIso(values.startsAt);
    const endsAt = localInputToIso(values.endsAt);
    const position = Number(values.position || '0');
    const next: Record<string, string> = {};
    if (!values.userId) next.userId = t('safety.onCall.pickPerson');
    if (!startsAt) next.startsAt = t('safety.onCall.pickTime');
    if (!endsAt) next.endsAt = t('safety.onCall.pickTime');
    else if (startsAt && Date.parse(endsAt) <= Date.parse(startsAt)) next.endsAt = t('safety.onCall.endAfterStart');
    if (!Number.isInteger(position) || position < 0 || position > 100) next.position = t('safety.onCall.positionRange');
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first) {
      document.getElementById(`shift-${first}`)?.focus();
      return;
    }
    add.mutate(
      { userId: values.userId, startsAt: startsAt!, endsAt: endsAt!, position },
      {
        onSuccess: (shift) => setAdded(shift.displayName),
        onError: (err) => {
          if (err instanceof ApiError && Object.keys(err.fields).length) setErrors(err.fields);
        },
      },
    );
  };

  return (
    <section className="card" aria-labelledby="on-call-add">
      <h2 id="on-call-add">{t('safety.onCall.addTitle')}</h2>
      {responders.isPending && <Loading />}
      {responders.isError && <Alert tone="error" title={errorMessage(responders.error, t)} />}
      {responders.data && certified.length === 0 ? (
        <p>
          {t('safety.onCall.noneCertified')} <Link to="/admin/responders">{t('safety.responders.title')}</Link>
        </p>
      ) : (
        responders.data && (
          <form className="form" onSubmit={submit} noValidate aria-labelledby="on-call-add">
            <SelectField
              id="shift-userId"
              name="userId"
              label={t('safety.onCall.person')}
              hint={t('safety.onCall.personHint')}
              error={errors.userId}
              value={values.userId}
              onChange={set('userId')}
              options={[{ value: '', label: t('safety.onCall.choose') }, ...certified.map((r) => ({ value: r.userId, label: r.displayName }))]}
            />
            <DateTimeField id="shift-startsAt" name="startsAt" label={t('safety.onCall.starts')} hint={t('safety.onCall.zoneHint', { zone: browserTimeZone() })} error={errors.startsAt} value={values.startsAt} onChange={set('startsAt')} />
            <DateTimeField id="shift-endsAt" name="endsAt" label={t('safety.onCall.ends')} error={errors.endsAt} value={values.endsAt} onChange={set('endsAt')} />
            <TextField id="shift-position" name="position" label={t('safety.onCall.position')} hint={t('safety.onCall.positionHint')} error={errors.position} value={values.position} onChange={set('position')} inputMode="numeric" />
            <div role="status">{added && <Alert tone="success" title={t('safety.onCall.added', { name: added })} />}</div>
            {add.isError && <Alert live tone="error" title={errorMessage(add.error, t)} />}
            <Button type="submit" pending={add.isPending}>
              {t('safety.onCall.add')}
            </Button>
          </form>
        )
      )}
    </section>
  );
}
