export function App() {
  return (
    <main>
      <h1>Ironstride</h1>
      <p>Strength sessions planned around your runs.</p>
    </main>
  );
}
