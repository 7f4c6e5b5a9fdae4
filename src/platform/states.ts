/** The one way a domain's state machine is read: a table of allowed moves, everything absent refused. */

/** Allowed moves: from a state, an event leads to a state. */
export type TransitionTable<S extends string, E extends string> = Readonly<Record<S, Partial<Record<E, S>>>>;

/** Outcome of a move: the new state, or the French reason it is refused. */
export type Transition<S extends string> = { ok: true; from: S; to: S } | { ok: false; message: string };

/** Builds the pure `transition` and `can` of a table; `refusal` gives the French message of a refused move. */
export function stateMachine<S extends string, E extends string>(table: TransitionTable<S, E>, refusal: (from: S, event: E) => string) {
  return {
    transition(from: S, event: E): Transition<S> {
      const to = table[from][event];
      return to ? { ok: true, from, to } : { ok: false, message: refusal(from, event) };
    },
    can(from: S, event: E): boolean {
      return table[from][event] !== undefined;
    },
  };
}
