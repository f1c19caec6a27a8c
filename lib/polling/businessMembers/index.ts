// New Contact in Business: which members of GET /contacts/business/{businessId} a poll returns.
// The trigger calls businessMembersToReturn and nothing else of this folder.
//
// Invariants:
// 1. A quiet poll is one request whatever the business size: it reads only the end of the list
//    where members join, from the member the Zap's last poll remembered there (./reads.ts).
// 2. Each Zap remembers the list's shape in its own z.cursor (lib/polling/zapMemory.ts), so two
//    Zaps on one business each find every newcomer: neither moves the other's shape.
// 3. The shape is stored only once the poll's results are ready (the caller's `commit`): a poll
//    that fails anywhere stores nothing, and the next poll finds the same members again.
// 4. A burst bigger than one poll's budget moves the shape to the furthest member read, so the
//    next poll carries on from there: each newcomer is found by one poll, whatever the burst size.
// 5. When the count does not add up (a member joined mid-list, or the remembered one left) the
//    whole list is read, newest end first, within the budget; a business larger than one poll's
//    budget then misses the members beyond it (the one limit, stated in the README).
// 6. An editor test reads the newest page and stores nothing; turning the Zap on reads the whole
//    list (Zapier records it as seen) and starts a fresh shape; with no shape (first poll, or the
//    store lost it) a poll reads the whole list, and Zapier's dedupe drops those it has seen.
import type { Bundle, ZObject } from 'zapier-platform-core';
import type { Contact } from '../../contacts/shape';
import { startPollBudget } from '../budget';
import { newestFirst } from '../contacts';
import { isZapPoll, loadZapMemory, saveZapMemory } from '../zapMemory';
import { memberPages } from './pages';
import { uniqueById } from '../../uniqueById';
import { newestPage, readMembers } from './reads';
import { isShape } from './shape';

const newestAddedFirst = (members: Contact[]) =>
  newestFirst(uniqueById(members), (member) => member.dateAdded);

/**
 * Members of the business who joined since the Zap's last poll (after a whole-list read: every
 * member read), newest dateAdded first, and `commit`, which stores the Zap's shape: call it last.
 */
export async function businessMembersToReturn(
  z: ZObject,
  bundle: Bundle,
  businessId: string,
): Promise<{ members: Contact[]; commit: () => Promise<void> }> {
  const log = (line: string) => z.console.log(line);
  const list = memberPages(bundle, businessId, startPollBudget(z, 'business members'), log);
  if ((bundle.meta?.page ?? 0) > 0) return { members: [], commit: async () => undefined };
  if (!isZapPoll(bundle)) {
    return {
      members: newestAddedFirst(await newestPage(list, 'either')),
      commit: async () => undefined,
    };
  }
  const memoryKey = `business:${businessId}`;
  const turningOn = bundle.meta?.isPopulatingDedupe === true;
  const remembered = turningOn ? undefined : await loadZapMemory(z, memoryKey);
  const read = await readMembers(z, list, isShape(remembered) ? remembered : undefined);
  if (read.burst) {
    log(
      `Returned ${read.burst.returned} of the members who joined since the last poll; ` +
        `the rest (${read.burst.left}) follow in the next poll.`,
    );
  }
  const shape = read.shape ?? (isShape(remembered) ? remembered : undefined);
  return {
    members: newestAddedFirst(read.members),
    commit: async () => {
      if (shape) await saveZapMemory(z, memoryKey, shape);
    },
  };
}
