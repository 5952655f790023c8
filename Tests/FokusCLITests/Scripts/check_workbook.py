#!/usr/bin/env python3
"""Reads a Fokus workbook back with openpyxl and prints what a test compares, as JSON: each sheet's
name, frozen panes, its first rows (values), and the number formats and cell types ("n" a number, "s" text)
of the second row."""
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
out = []
for sheet in book.worksheets:
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=1, max_row=4)]
    second = next(sheet.iter_rows(min_row=2, max_row=2), [])
    formats = [cell.number_format for cell in second]
    types = [cell.data_type for cell in second]
    widths = {key: dim.width for key, dim in sheet.column_dimensions.items() if dim.width}
    out.append({"name": sheet.title, "freeze": sheet.freeze_panes, "rows": rows, "formats": formats, "types": types,
                "widths": widths, "max_row": sheet.max_row})
print(json.dumps(out, ensure_ascii=False, default=str))
