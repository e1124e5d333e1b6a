import { PlaceList } from '../../report/PlaceList.js';
import { UrlList } from '../../report/UrlList.js';
import type { StepProps } from './step-props.js';

export function WhereStep({ draft, change, settings }: StepProps) {
  return (
    <>
      <UrlList urls={draft.urls} onChange={(urls) => change({ urls })} />
      <PlaceList places={draft.places} countries={settings.countries} onChange={(places) => change({ places })} />
    </>
  );
}
