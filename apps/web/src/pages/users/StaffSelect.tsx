import { useEffect, useState } from 'react';
import { Select } from 'antd';
import type { StaffChoiceDto } from '@yiyang/contracts';
import { api } from '../../api/client';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Picks one of a provider's staff records by name, for a caregiver account. */
export function StaffSelect(props: {
  providerId: string | undefined;
  value?: string | null;
  onChange?: (staffId: string | null) => void;
  placeholder?: string;
  id?: string;
}) {
  const [choices, setChoices] = useState<StaffChoiceDto[]>([]);
  const providerId = props.providerId && UUID.test(props.providerId) ? props.providerId : null;
  useEffect(() => {
    let live = true;
    // Until a provider is named there is nobody to choose; an unknown one answers an error, shown on save.
    const load = providerId
      ? api<StaffChoiceDto[]>('/api/v1/users/staff-choices', { query: { providerId } }).catch(() => [])
      : Promise.resolve([]);
    void load.then((list) => {
      if (live) setChoices(list);
    });
    return () => {
      live = false;
    };
  }, [providerId]);

  return (
    <Select
      id={props.id}
      // Until the names arrive, show none rather than the record's id.
      value={choices.some((c) => c.id === props.value) ? props.value : undefined}
      onChange={(v: string | undefined) => props.onChange?.(v ?? null)}
      options={choices.map((c) => ({ value: c.id, label: c.name }))}
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={props.placeholder}
    />
  );
}
