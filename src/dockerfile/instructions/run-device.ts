/** RUN --device (instructions/commands_rundevice.go): `name[,required[=bool]]` or `name=...,required=...`. */
import { SyntaxProblem } from "../parser/errors.js";
import { csvFields, CsvError } from "../go/csv-fields.js";
import { goParseBool } from "../../golang/strconv-parse.js";
import { goToLower } from "../../golang/strings.js";
import { withSuggestion } from "./suggest.js";

export interface Device {
  readonly name: string;
  readonly required: boolean;
}

export function parseDevice(value: string): Device {
  let fields: string[];
  try {
    fields = csvFields(value);
  } catch (e) {
    if (e instanceof CsvError) throw new SyntaxProblem(`failed to parse csv devices: ${e.message}`);
    throw e;
  }
  let name = "";
  let required = false;
  for (const field of fields) {
    const eq = field.indexOf("=");
    const key = goToLower(eq < 0 ? field : field.slice(0, eq));
    const v = eq < 0 ? "" : field.slice(eq + 1);
    if (eq < 0) {
      if (key === "required") {
        required = true;
        continue;
      }
      if (name === "") {
        name = field;
        continue;
      }
      throw new SyntaxProblem(`invalid field '${field}' must be a key=value pair`);
    }
    if (key === "name") {
      if (name !== "") throw new SyntaxProblem(`device name already set to ${name}`);
      name = v;
    } else if (key === "required") {
      const b = goParseBool(v);
      if (b === undefined) throw new SyntaxProblem(`invalid value for ${key}: ${v}`);
      required = b;
    } else if (name === "") {
      name = field;
    } else {
      throw new SyntaxProblem(withSuggestion(`unexpected key '${key}' in '${field}'`, key, ["name", "required"], true));
    }
  }
  return { name, required };
}
