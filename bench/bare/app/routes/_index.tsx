import { useLoaderData } from "@remix-run/react";

export function loader() {
  return { items: Array.from({ length: 10 }, (_, i) => ({ id: i + 1, name: `Item ${i + 1}` })) };
}

export default function Index() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>Items</h1>
      <ul>
        {items.map((item) => (
          <li key={item.id}>{item.name}</li>
        ))}
      </ul>
    </main>
  );
}
