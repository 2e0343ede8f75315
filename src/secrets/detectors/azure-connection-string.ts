/**
 * Azure connection strings with a key: storage accounts
 * (`DefaultEndpointsProtocol=...;AccountName=...;AccountKey=<base64>`),
 * Service Bus / Event Hubs / IoT Hub (`Endpoint=sb://...;SharedAccessKeyName=
 * ...;SharedAccessKey=<base64>`) and SAS signatures (`sig=` in a
 * `*.core.windows.net` URL). The secret is the key (20+ base64 characters).
 * The Azurite emulator's published key is marked as an example.
 */
import { type Detector, matchAll } from "../detector.js";

const KEY = /(?:AccountKey|SharedAccessKey|AccessKey)=([A-Za-z0-9+/]{20,}={0,2})(?=[;"'\s]|$)/dg;
const SAS = /\.core\.windows\.net\/[^\s"']*[?&]sig=([A-Za-z0-9%+/]{20,}={0,2})/dg;
const AZURITE = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

export const azureConnectionString: Detector = {
  id: "azure-connection-string",
  title: "an Azure connection-string key",
  hint: /AccountKey=|SharedAccessKey=|AccessKey=|core\.windows\.net/,
  scan: (text) => {
    const keyed = matchAll(text, KEY, 1, (s, m) => {
      const line = text.slice(text.lastIndexOf("\n", m.index) + 1, text.indexOf("\n", m.index) === -1 ? undefined : text.indexOf("\n", m.index));
      if (!/AccountName=|Endpoint=|HostName=|EntityPath=/i.test(line)) return false;
      return s === AZURITE ? "example" : true;
    });
    return keyed.concat(matchAll(text, SAS, 1));
  },
};
