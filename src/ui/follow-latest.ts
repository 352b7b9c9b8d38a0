/** How close to the end (CSS px) still counts as at the end, so a nudge of the wheel does not stop following. */
const AT_END_SLACK = 24;

export interface FollowLatest {
  /** True until the person scrolls away from the end; true again once they come back or jump there. */
  readonly following: boolean;
  /** Call after the content changed: while following, the scroller goes to its end. */
  contentChanged(): void;
  /** Follows again and scrolls to the end. */
  jumpToLatest(): void;
  dispose(): void;
}

/**
 * Keeps a scroller at its newest content until the person deliberately scrolls away. What counts is
 * where they scrolled to, not where the scroller happens to be when content arrives: content taller
 * than the scroller, or a scroller not yet on the page, does not stop it following.
 */
export function followLatest(scroller: HTMLElement, onChange: (following: boolean) => void): FollowLatest {
  let following = true;
  /** Where this code last put the scroller; a scroll event that finds it there is not the person's. */
  let placedAt: number | null = null;

  const atEnd = () => scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= AT_END_SLACK;
  const setFollowing = (next: boolean) => {
    if (next === following) return;
    following = next;
    onChange(following);
  };
  const toEnd = () => {
    scroller.scrollTop = scroller.scrollHeight;
    placedAt = scroller.scrollTop;
  };
  const onScroll = () => {
    if (atEnd()) setFollowing(true);
    else if (scroller.scrollTop !== placedAt) setFollowing(false);
  };
  scroller.addEventListener('scroll', onScroll);
  // The scroller's size changes when it is first laid out on the page and when the window is resized.
  const resizes = typeof ResizeObserver === 'function' ? new ResizeObserver(() => following && toEnd()) : null;
  resizes?.observe(scroller);

  return {
    get following() {
      return following;
    },
    contentChanged() {
      if (following) toEnd();
    },
    jumpToLatest() {
      setFollowing(true);
      toEnd();
    },
    dispose() {
      scroller.removeEventListener('scroll', onScroll);
      resizes?.disconnect();
    },
  };
}
