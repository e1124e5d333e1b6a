import { ChildList } from '../../report/ChildList.js';
import { IdentifierList } from '../../report/IdentifierList.js';
import { PersonFields } from '../../report/PersonFields.js';
import type { StepProps } from './step-props.js';

export function WhoStep({ draft, change }: StepProps) {
  return (
    <>
      <ChildList children={draft.children} onChange={(children) => change({ children })} />
      <PersonFields person={draft.person} onChange={(person) => change({ person })} />
      <IdentifierList identifiers={draft.identifiers} onChange={(identifiers) => change({ identifiers })} />
    </>
  );
}
