package no.engagement.registry.imports;

/** One record of a CSV file: its data row number and the physical lines it spans. */
record CsvRecord(int row, long firstLine, long lastLine, String[] cells) {

  String cell(int index) {
    return index < cells.length ? cells[index] : null;
  }
}
