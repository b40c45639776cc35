/** Small line icons as inline SVG, so they render the same everywhere (no icon font, no emoji). */
const paths = {
  pencil: 'M4 20h4L19 9l-4-4L4 16v4zM14 6l4 4',
  copy: 'M8 8h11v12H8zM5 16V4h11',
  trash: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6',
} as const;

export function Icon(props: { name: keyof typeof paths }) {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">
      <path d={paths[props.name]} />
    </svg>
  );
}
