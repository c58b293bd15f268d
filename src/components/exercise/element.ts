// <course-exercise>: the only script every lesson page loads for exercises.
// It stays tiny; the editor, the runner and the charts (panel.ts and what it
// imports) load when the panel nears the viewport, or at once when the learner
// clicks or focuses inside it. A button pressed before that is remembered and
// performed as soon as the panel is ready.

type Action = string;

class CourseExercise extends HTMLElement {
  #loading: Promise<void> | null = null;
  #observer: IntersectionObserver | null = null;

  connectedCallback(): void {
    if (this.#loading) return;
    // A share link for this exercise (#code/<id>/…, share-link.ts): open it now.
    if (location.hash.startsWith(`#code/${this.dataset.exerciseId}/`)) {
      this.scrollIntoView();
      void this.load();
      return;
    }
    if ('IntersectionObserver' in window) {
      this.#observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) void this.load();
        },
        { rootMargin: '800px 0px' },
      );
      this.#observer.observe(this);
    } else {
      void this.load();
    }
    this.addEventListener('click', this.#onEarlyClick);
    this.addEventListener('focusin', () => void this.load(), { once: true });
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
  }

  #onEarlyClick = (event: Event): void => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-action]');
    void this.load(button?.dataset.action);
  };

  load(pending?: Action): Promise<void> {
    this.#observer?.disconnect();
    if (this.#loading) return this.#loading;
    this.removeEventListener('click', this.#onEarlyClick);
    this.dataset.state = 'loading';
    this.#loading = import('./panel.ts')
      .then(({ mountPanel }) => mountPanel(this, pending))
      .then(() => {
        this.dataset.state = 'ready';
      })
      .catch((error: unknown) => {
        this.dataset.state = 'failed';
        const status = this.querySelector<HTMLElement>('[data-part="status"]');
        const message = error instanceof Error ? error.message : String(error);
        // The sentence around the message was filled by the build (Exercise.astro), so
        // this script, on every lesson page, carries no template code.
        const { editorFailedBefore = '', editorFailedAfter = '' } = this.dataset;
        if (status) status.textContent = editorFailedBefore + message + editorFailedAfter;
        console.error(error);
      });
    return this.#loading;
  }
}

if (!customElements.get('course-exercise')) customElements.define('course-exercise', CourseExercise);
