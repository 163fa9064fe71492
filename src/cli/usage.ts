import { API_CHOICES } from '../clients/client.js'

/** The command's name, as npx and the package's bin know it. */
export const NAME = 'wait-for-milvus-import'

/** The --help text. */
export const USAGE = `Usage: ${NAME} --endpoint URL --job-id ID [options]
       ${NAME} --endpoint URL --collection-name NAME [options]

Waits for a Milvus or Zilliz Cloud bulk import job to finish and prints the
result. Exit status: 0 completed, 1 failed, timed out, cancelled or could not
be checked, 2 bad usage.

Options (the inputs of the GitHub Action, under the same names):
  --job-id ID               Job ID that bulk_import returned; repeat the flag
                            or separate IDs with commas for several jobs.
  --collection-name NAME    Without --job-id: wait for this collection's jobs.
  --wait-for latest|all     Without --job-id: the newest job (default), or
                            every job unfinished at the start.
  --endpoint URL            https://api.cloud.zilliz.com (default),
                            http://milvus:19530, grpc://milvus:19530 or
                            https://controller.api.<region>.zillizcloud.com.
  --cluster-id ID           Zilliz Cloud cluster ID (in03-...).
  --project-id ID           Zilliz Cloud serverless: the project (proj-...),
                            with --region-id, instead of --cluster-id.
  --region-id ID            Zilliz Cloud serverless: the region (aws-us-west-2).
  --api-key KEY             Zilliz Cloud API key or Milvus token. Prefer the
                            MILVUS_API_KEY or ZILLIZ_API_KEY environment
                            variable: a flag lands in shell history and in
                            process lists.
  ${`--api ${API_CHOICES.join('|')}`.padEnd(24)}  Which import API to call (default auto).
  --db-name NAME            Milvus database.
  --timeout DURATION        How long to wait in all: 90s, 15m, 1h30m (default 1h).
  --poll-interval DURATION  Time between polls, at least 1s (default 10s).
  --max-failures N          Transient failures in a row (network errors, HTTP
                            5xx or 429) before giving up (default 10); 0
                            retries until the timeout.
  --fail-on-timeout BOOL    Exit 1 on timeout (default true); with false a
                            timeout warns and exits 0.
  --min-rows N              Fail when fewer rows were imported (all jobs).
  --expected-rows N         Fail unless exactly N rows were imported.
  --allow-partial [BOOL]    Accept a completed job in which some files failed.

Starting an import (instead of --job-id; needs --collection-name):
  --files KEYS              Milvus: files in its bucket; repeat the flag for
                            each group (NumPy: one .npy per field, commas).
  --object-url URL          Zilliz Cloud: an object-storage URL; repeatable.
  --access-key KEY          Object-storage keys for --object-url.
  --secret-key KEY
  --partition-name NAME     Partition to import into.
  --import-options K=V      An import option such as timeout=30m; repeatable.
  --commit auto|gated       gated (Milvus 3.0+): commit only data that passes
                            --min-rows/--expected-rows/--allow-partial, else
                            abort it (default auto).

Output:
  --outputs                 Print the action's outputs as name=value lines
                            (a value of several lines as name<<delimiter,
                            as $GITHUB_OUTPUT takes it).
  --json                    Print the outputs as one JSON object on stdout
                            (logs go to stderr) instead of the summary.
  --verbose                 Print debug lines.
  -h, --help                Print this help.
  -V, --version             Print the version.

On a terminal, progress is one status line that updates in place, in colour
unless NO_COLOR is set; FORCE_COLOR=1 forces colour, FORCE_COLOR=0 turns it
off. Piped output and --json get plain lines.

Examples:
  # Zilliz Cloud
  export ZILLIZ_API_KEY=...
  ${NAME} --cluster-id in03-0123456789abcdef --job-id job-0123456789abcdef

  # Self-hosted Milvus (REST v2), user:password token from the environment
  export MILVUS_API_KEY=root:Milvus
  ${NAME} --endpoint http://milvus:19530 --job-id 463071155436633601 --timeout 30m

  # Zilliz Cloud legacy v1 API
  ${NAME} --endpoint https://controller.api.gcp-us-west1.zillizcloud.com \\
    --cluster-id in03-0123456789abcdef --job-id job-0123456789abcdef

  # Milvus over gRPC, the newest job of a collection, outputs as JSON
  ${NAME} --endpoint grpc://milvus:19530 --collection-name articles --json
`
