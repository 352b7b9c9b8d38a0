import { sql, type Kysely } from 'kysely';
import * as attempts from './attempts.ts';
import * as audit from './audit.ts';
import * as classrooms from './classrooms.ts';
import * as cohorts from './cohorts.ts';
import * as drafts from './drafts.ts';
import { guarded } from './errors.ts';
import * as privacy from './privacy.ts';
import * as regrades from './regrades.ts';
import * as results from './results.ts';
import type { Database } from './schema.ts';
import type { DatabaseKind, ResultsStore } from './store.ts';
import * as users from './users.ts';
import * as versions from './versions.ts';
import * as xapi from './xapi-outbox.ts';

/**
 * The results store over a Kysely database, the same SQL on PGlite and PostgreSQL. Each method is one query or
 * one transaction, and driver errors leave it as StoreConflict, StoreInvalidInput or StoreUnavailable.
 */
export function sqlStore(kind: DatabaseKind, db: Kysely<Database>, afterClose: () => Promise<void> | void = () => {}): ResultsStore {
  let closing: Promise<void> | undefined;
  return {
    kind,
    ping: async () => {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    tidy: () => guarded(async () => void (await sql`VACUUM (ANALYZE)`.execute(db))),
    close: () =>
      (closing ??= (async () => {
        try {
          await db.destroy();
        } finally {
          await afterClose();
        }
      })()),

    countUsers: (role) => guarded(() => users.countUsers(db, role)),
    createUser: (input) => guarded(() => users.createUser(db, input)),
    findUserByEmail: (email) => guarded(() => users.findUserByEmail(db, email)),
    findUser: (id) => guarded(() => users.findUser(db, id)),
    listUsers: () => guarded(() => users.listUsers(db)),
    setPassword: (userId, passwordHash) => guarded(() => users.setPassword(db, userId, passwordHash)),
    createAuthSession: (input) => guarded(() => users.createAuthSession(db, input)),
    findAuthSession: (tokenHash) => guarded(() => users.findAuthSession(db, tokenHash)),
    deleteAuthSession: (tokenHash) => guarded(() => users.deleteAuthSession(db, tokenHash)),
    createToken: (input) => guarded(() => users.createToken(db, input)),
    findToken: (tokenHash) => guarded(() => users.findToken(db, tokenHash)),
    useToken: (tokenHash) => guarded(() => users.useToken(db, tokenHash)),

    createCohort: (input) => guarded(() => cohorts.createCohort(db, input)),
    listCohorts: (user) => guarded(() => cohorts.listCohorts(db, user)),
    findCohort: (id) => guarded(() => cohorts.findCohort(db, id)),
    addMember: (cohortId, userId) => guarded(() => cohorts.addMember(db, cohortId, userId)),
    listMembers: (cohortId) => guarded(() => cohorts.listMembers(db, cohortId)),
    isMember: (cohortId, userId) => guarded(() => cohorts.isMember(db, cohortId, userId)),
    createAssignment: (input) => guarded(() => cohorts.createAssignment(db, input)),
    assignmentsFor: (userId) => guarded(() => cohorts.assignmentsFor(db, userId)),
    assignmentsOfCohort: (cohortId) => guarded(() => cohorts.assignmentsOfCohort(db, cohortId)),

    putVersion: (version) => guarded(() => versions.putVersion(db, version)),
    getVersion: (kind, sha256) => guarded(() => versions.getVersion(db, kind, sha256)),
    listVersions: (kind) => guarded(() => versions.listVersions(db, kind)),
    publishScenario: (cohortId, sha256) => guarded(() => versions.publishScenario(db, cohortId, sha256)),
    publishedFor: (userId) => guarded(() => versions.publishedFor(db, userId)),

    putAttempt: (userId, attempt) => guarded(() => attempts.putAttempt(db, userId, attempt)),
    getAttempt: (attemptId) => guarded(() => attempts.getAttempt(db, attemptId)),
    listAttempts: (filter, page) => guarded(() => attempts.listAttempts(db, filter, page)),
    streamAttempts: (batchSize) => attempts.streamAttempts(db, batchSize, guarded),
    streamSummaries: (filter, batchSize) => attempts.streamSummaries(db, filter, batchSize, guarded),
    attemptsTable: (filter, query) => guarded(() => results.attemptsTable(db, filter, query)),
    resultsOverview: (filter) => guarded(() => results.resultsOverview(db, filter)),
    missedFindings: (filter, limit) => guarded(() => results.missedFindings(db, filter, limit)),
    eraseTrainee: (userId) => guarded(() => privacy.eraseTrainee(db, userId)),
    createRegradeJob: (target, requestedBy) => guarded(() => regrades.createRegradeJob(db, target, requestedBy)),
    findRegradeJob: (id) => guarded(() => regrades.findRegradeJob(db, id)),
    listRegradeJobs: (state) => guarded(() => regrades.listRegradeJobs(db, state)),
    nextToRegrade: (target, limit) => guarded(() => regrades.nextToRegrade(db, target, limit)),
    putRegrades: (job, rows) => guarded(() => regrades.putRegrades(db, job, rows)),
    finishRegradeJob: (id) => guarded(() => regrades.finishRegradeJob(db, id)),
    regradesOf: (attemptId) => guarded(() => regrades.regradesOf(db, attemptId)),
    deleteAttemptsFinishedBefore: (cutoff) => guarded(() => privacy.deleteAttemptsFinishedBefore(db, cutoff)),
    importAttempts: (records) => guarded(() => attempts.importAttempts(db, records)),

    recordAudit: (entry) => guarded(() => audit.recordAudit(db, entry)),
    listAudit: (limit) => guarded(() => audit.listAudit(db, limit)),

    getSetting: (key) => guarded(() => xapi.getSetting(db, key)),
    putSetting: (key, value) => guarded(() => xapi.putSetting(db, key, value)),
    claimXapiBatch: (limit, leaseMs) => guarded(() => xapi.claimXapiBatch(db, limit, leaseMs)),
    markXapiSent: (attemptIds) => guarded(() => xapi.markXapiSent(db, attemptIds)),
    markXapiRetry: (attemptIds, error, delayMs) => guarded(() => xapi.markXapiRetry(db, attemptIds, error, delayMs)),
    markXapiFailed: (attemptIds, error) => guarded(() => xapi.markXapiFailed(db, attemptIds, error)),
    requeueAllXapi: () => guarded(() => xapi.requeueAllXapi(db)),
    xapiOutboxStatus: () => guarded(() => xapi.xapiOutboxStatus(db)),
    streamStatementInputs: (filter, batchSize) => xapi.streamStatementInputs(db, filter, batchSize, guarded),

    putDraft: (userId, attempt) => guarded(() => drafts.putDraft(db, userId, attempt)),
    listDrafts: (userId) => guarded(() => drafts.listDrafts(db, userId)),
    deleteDraft: (userId, attemptId) => guarded(() => drafts.deleteDraft(db, userId, attemptId)),

    createClassroom: (input) => guarded(() => classrooms.createClassroom(db, input)),
    findClassroom: (code) => guarded(() => classrooms.findClassroom(db, code)),
    openClassrooms: () => guarded(() => classrooms.openClassrooms(db)),
    updateClassroom: (code, update) => guarded(() => classrooms.updateClassroom(db, code, update)),
    createSeat: (input) => guarded(() => classrooms.createSeat(db, input)),
    listSeats: (code) => guarded(() => classrooms.listSeats(db, code)),
    updateSeat: (seatId, update) => guarded(() => classrooms.updateSeat(db, seatId, update)),
    appendClassroomAction: (code, lane, index, action) => guarded(() => classrooms.appendAction(db, code, lane, index, action)),
    listClassroomActions: (code) => guarded(() => classrooms.listActions(db, code)),
    putVote: (code, ballot, seatId, choice) => guarded(() => classrooms.putVote(db, code, ballot, seatId, choice)),
    listVotes: (code) => guarded(() => classrooms.listVotes(db, code)),
  };
}
