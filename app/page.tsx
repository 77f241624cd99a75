export default function Home() {
  return <main><h1>Penprint</h1></main>;
}
