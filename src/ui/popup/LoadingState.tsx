/** First open with nothing cached: the shape of a week while it loads. */
export function LoadingState() {
  return (
    <div className="loading" aria-busy="true">
      <p className="loading-text" role="status">
        Loading your week…
      </p>
      <div className="skeleton" aria-hidden="true">
        {[0, 1, 2].map((day) => (
          <div key={day} className="skeleton-day">
            <span className="skeleton-line skeleton-line--short" />
            <span className="skeleton-line" />
            <span className="skeleton-line skeleton-line--mid" />
          </div>
        ))}
      </div>
    </div>
  );
}
