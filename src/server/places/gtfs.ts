/**
 * @module A GTFS `stops.txt` read strictly: RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF, a UTF-8 byte
 * order mark), a header naming at least stop_id, stop_name, stop_lat and stop_lon, every record as wide as the header.
 * A file that breaks the format is refused whole, naming its line; a record that keeps the format but holds a bad
 * stop is rejected alone, with its line and why, and the others are read.
 */

/** The format is broken at `line` (1-based, the header is line 1). */
export class CsvFormatError extends Error {
  override name = 'CsvFormatError';
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
  }
}

export interface CsvRecord {
  /** The line the record starts on (a quoted field may span lines). */
  line: number;
  fields: string[];
}

/** Splits CSV text into records; throws CsvFormatError on a stray or unclosed quote. Blank lines are skipped. */
export function parseCsv(text: string): CsvRecord[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let afterQuote = false;
  let fieldStarted = false;
  const endField = () => {
    fields.push(field);
    field = '';
    afterQuote = false;
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (c === '\n' || (c === '\r' && source[i + 1] !== '\n')) line += 1;
        field += c;
      }
      continue;
    }
    if (c === ',') {
      endField();
      fieldStarted = true;
      continue;
    }
    if (c === '\r' || c === '\n') {
      if (c === '\r' && source[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
      continue;
    }
    if (afterQuote) throw new CsvFormatError(line, `unexpected "${c}" after a closing quote (a field is either all quoted or not at all)`);
    if (c === '"') {
      if (field !== '') throw new CsvFormatError(line, 'a quote inside an unquoted field (quote the whole field and double the quote)');
      quoted = true;
      fieldStarted = true;
      continue;
    }
    field += c;
    fieldStarted = true;
  }
  if (quoted) throw new CsvFormatError(recordLine, 'a quoted field is never closed');
  if (field !== '' || fields.length > 0 || afterQuote || fieldStarted) endRecord();
  return records;
}

export const REQUIRED_STOP_COLUMNS = ['stop_id', 'stop_name', 'stop_lat', 'stop_lon'] as const;

/** Why a stop was not imported. */
export const STOP_REJECTIONS = [
  'missing_stop_id',
  'missing_name',
  'name_too_long',
  'bad_coordinates',
  'bad_location_type',
  'not_a_stop',
  'platform_of_station',
  'duplicate_stop_id',
  'outside_territory',
] as const;
export type StopRejectionReason = (typeof STOP_REJECTIONS)[number];

export interface StopRejection {
  line: number;
  stopId: string | null;
  reason: StopRejectionReason;
  detail: string;
}

export interface StopRow {
  line: number;
  stopId: string;
  name: string;
  lat: number;
  lon: number;
  /** GTFS location_type: 0 a stop or platform, 1 a station. */
  station: boolean;
}

const DECIMAL = /^-?\d{1,3}(\.\d+)?$/;
const LOCATION_TYPES: Record<string, string> = { '2': 'an entrance or exit', '3': 'a generic node', '4': 'a boarding area' };
export const MAX_NAME_LENGTH = 120;

function degrees(text: string, limit: number): number | null {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return null;
  const value = Number(trimmed);
  return Math.abs(value) <= limit ? value : null;
}

/**
 * The stops of a `stops.txt`: those to import, and those rejected with their line and reason. Stations (location_type
 * 1) and stops (0 or empty) are kept; entrances, generic nodes and boarding areas are not meeting points; a platform
 * whose station is in the file is met at the station. Throws CsvFormatError when the file itself is malformed.
 */
export function readStops(text: string): { stops: StopRow[]; rejected: StopRejection[] } {
  const records = parseCsv(text);
  const header = records[0];
  if (!header) throw new CsvFormatError(1, `the file is empty: expected a header naming ${REQUIRED_STOP_COLUMNS.join(', ')}`);
  const columns = header.fields.map((f) => f.trim());
  const seen = new Set<string>();
  for (const name of columns) {
    if (seen.has(name)) throw new CsvFormatError(header.line, `the column ${name} appears twice in the header`);
    seen.add(name);
  }
  const missing = REQUIRED_STOP_COLUMNS.filter((c) => !seen.has(c));
  if (missing.length > 0) throw new CsvFormatError(header.line, `the header lacks ${missing.join(', ')} (is this a GTFS stops.txt?)`);
  const at = (name: string) => columns.indexOf(name);
  const [iId, iName, iLat, iLon, iType, iParent] = [at('stop_id'), at('stop_name'), at('stop_lat'), at('stop_lon'), at('location_type'), at('parent_station')];

  const candidates: (StopRow & { parent: string })[] = [];
  const rejected: StopRejection[] = [];
  const ids = new Map<string, number>();
  for (const record of records.slice(1)) {
    if (record.fields.length !== columns.length) {
      throw new CsvFormatError(record.line, `${record.fields.length} fields where the header names ${columns.length}`);
    }
    const get = (i: number) => (i < 0 ? '' : record.fields[i]!.trim());
    const stopId = get(iId);
    const reject = (reason: StopRejectionReason, detail: string) => void rejected.push({ line: record.line, stopId: stopId || null, reason, detail });
    if (!stopId) {
      reject('missing_stop_id', 'stop_id is empty');
      continue;
    }
    const first = ids.get(stopId);
    if (first !== undefined) {
      reject('duplicate_stop_id', `stop_id ${stopId} was already given on line ${first}`);
      continue;
    }
    ids.set(stopId, record.line);
    const type = get(iType);
    if (type !== '' && !['0', '1', '2', '3', '4'].includes(type)) {
      reject('bad_location_type', `location_type "${type}" is not one of 0 to 4`);
      continue;
    }
    if (LOCATION_TYPES[type]) {
      reject('not_a_stop', `location_type ${type} is ${LOCATION_TYPES[type]}, not a place to meet`);
      continue;
    }
    const name = get(iName).replace(/\s+/g, ' ');
    if (!name) {
      reject('missing_name', 'stop_name is empty');
      continue;
    }
    if (name.length > MAX_NAME_LENGTH) {
      reject('name_too_long', `stop_name has ${name.length} characters (at most ${MAX_NAME_LENGTH})`);
      continue;
    }
    const lat = degrees(get(iLat), 90);
    const lon = degrees(get(iLon), 180);
    if (lat === null || lon === null) {
      reject('bad_coordinates', `stop_lat "${get(iLat)}" and stop_lon "${get(iLon)}" must be decimal degrees (WGS 84)`);
      continue;
    }
    candidates.push({ line: record.line, stopId, name, lat, lon, station: type === '1', parent: get(iParent) });
  }
  const stations = new Set(candidates.filter((c) => c.station).map((c) => c.stopId));
  const stops: StopRow[] = [];
  for (const { parent, ...stop } of candidates) {
    if (!stop.station && parent && stations.has(parent)) {
      rejected.push({ line: stop.line, stopId: stop.stopId, reason: 'platform_of_station', detail: `a platform of station ${parent}, which is imported instead` });
    } else stops.push(stop);
  }
  rejected.sort((a, b) => a.line - b.line);
  return { stops, rejected };
}
