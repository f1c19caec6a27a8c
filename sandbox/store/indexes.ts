// Secondary indexes, so lookups stay O(1) with tens of thousands of contacts.

/** parent id → set of child ids (tasks, notes, appointments of a contact). */
export class ChildIndex {
  private readonly children = new Map<string, Set<string>>();

  add(parentId: string, childId: string): void {
    let set = this.children.get(parentId);
    if (!set) this.children.set(parentId, (set = new Set()));
    set.add(childId);
  }

  remove(parentId: string, childId: string): void {
    this.children.get(parentId)?.delete(childId);
  }

  of(parentId: string): string[] {
    return [...(this.children.get(parentId) ?? [])];
  }

  dropParent(parentId: string): string[] {
    const ids = this.of(parentId);
    this.children.delete(parentId);
    return ids;
  }
}

/** locationId → normalised value (email lower-case, E.164 phone) → contact ids. */
export class ValueIndex {
  private readonly byLocation = new Map<string, Map<string, Set<string>>>();

  add(locationId: string, value: string | null, id: string): void {
    if (!value) return;
    let values = this.byLocation.get(locationId);
    if (!values) this.byLocation.set(locationId, (values = new Map()));
    let ids = values.get(value);
    if (!ids) values.set(value, (ids = new Set()));
    ids.add(id);
  }

  remove(locationId: string, value: string | null, id: string): void {
    if (!value) return;
    const ids = this.byLocation.get(locationId)?.get(value);
    ids?.delete(id);
    if (ids && ids.size === 0) this.byLocation.get(locationId)?.delete(value);
  }

  find(locationId: string, value: string | null): string[] {
    if (!value) return [];
    return [...(this.byLocation.get(locationId)?.get(value) ?? [])];
  }
}
