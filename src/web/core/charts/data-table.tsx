/** @module The data behind a chart as a table: visible (scrollable on a phone) or for screen readers only. */
import { useId } from 'preact/hooks';

export interface Column {
  header: string;
  numeric?: boolean;
}

export interface Row {
  key: string;
  /** The first cell heads its row. */
  cells: readonly string[];
}

interface Props {
  caption: string;
  columns: readonly Column[];
  rows: readonly Row[];
  /** Kept for assistive technologies only (the chart already shows the same figures). */
  hidden?: boolean;
}

export function DataTable({ caption, columns, rows, hidden }: Props) {
  const id = useId();
  const table = (
    <table class="data-table">
      <caption id={id}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.header} scope="col" class={column.numeric ? 'numeric' : undefined}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={i} class={columns[i]?.numeric ? 'numeric' : undefined}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (hidden) return <div class="visually-hidden">{table}</div>;
  return (
    <div class="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      {table}
    </div>
  );
}
