import type { Handlers } from '../../context';
import {
  actorClaims,
  addAlias,
  createActor,
  deleteActor,
  getActor,
  listActors,
  matchActors,
  mergeActors,
  removeAlias,
  updateActor,
} from './repository';

export const actorHandlers: Pick<
  Handlers,
  | 'actors.list'
  | 'actors.create'
  | 'actors.get'
  | 'actors.update'
  | 'actors.addAlias'
  | 'actors.removeAlias'
  | 'actors.merge'
  | 'actors.delete'
  | 'actors.match'
  | 'actors.claims'
> = {
  'actors.list': (_input, { project }) => listActors(project.db),
  'actors.get': (input, { project }) => getActor(project.db, input.id),
  'actors.create': (input, { project, history }) =>
    getActor(project.db, history.record(`Add actor ${input.name}`, () => createActor(project.db, input))),
  'actors.update': ({ id, ...fields }, { project, history }) => {
    history.record(`Edit actor ${fields.name}`, () => updateActor(project.db, id, fields));
    return getActor(project.db, id);
  },
  'actors.addAlias': (input, { project, history }) => {
    history.record(`Add alias ${input.alias}`, () => addAlias(project.db, input.id, input.alias));
    return getActor(project.db, input.id);
  },
  'actors.removeAlias': (input, { project, history }) => {
    history.record(`Remove alias ${input.alias}`, () => removeAlias(project.db, input.id, input.alias));
    return getActor(project.db, input.id);
  },
  'actors.merge': (input, { project, history }) => {
    const source = getActor(project.db, input.sourceId);
    const target = getActor(project.db, input.targetId);
    history.record(`Merge ${source.name} into ${target.name}`, () => mergeActors(project.db, input.sourceId, input.targetId));
    return getActor(project.db, input.targetId);
  },
  'actors.delete': (input, { project, history }) => {
    const actor = getActor(project.db, input.id);
    history.record(`Delete actor ${actor.name}`, () => deleteActor(project.db, input.id));
    return { deleted: input.id };
  },
  'actors.match': (input, { project }) => matchActors(project.db, input.text, input.limit),
  'actors.claims': (input, { project }) => actorClaims(project.db, input.id),
};
