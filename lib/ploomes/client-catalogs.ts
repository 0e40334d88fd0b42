import { invalidResponseError } from "./errors";
import { originInputSchema } from "./input-schemas";
import { eq, odata } from "./odata-query";
import {
  type Account,
  type Field,
  type Origin,
  type Pipeline,
  type Stage,
  type User,
  accountSchema,
  fieldSchema,
  originSchema,
  pipelineSchema,
  stageSchema,
  userSchema,
} from "./schemas";
import { checkId, PloomesClientCore } from "./client-core";

// The account's catalogs the integration reads to be configured and to write: the key's account, funnels and
// stages, fields, users, and the "JivoChat" origin. The records themselves are in client.ts.

const STAGE_FIELDS = ["Id", "Name", "PipelineId", "Ordination"] as const;

export class PloomesCatalogClient extends PloomesClientCore {
  async verifyKey(): Promise<Account> {
    const account = await this.findOne("/Account", odata().select("Id", "Name").top(1), accountSchema);
    if (!account) throw invalidResponseError({ method: "GET", path: "/Account" }, 200, "no account in `value`");
    return account;
  }

  listPipelines(): Promise<Pipeline[]> {
    const stages = odata()
      .select(...STAGE_FIELDS)
      .orderby("Ordination");
    return this.listAll("/Deals@Pipelines", odata().select("Id", "Name").expand("Stages", stages), pipelineSchema);
  }

  listStages(pipelineId: number): Promise<Stage[]> {
    const query = odata().filter(eq("PipelineId", checkId(pipelineId)));
    return this.listAll("/Deals@Stages", query.select(...STAGE_FIELDS).orderby("Ordination"), stageSchema);
  }

  /** Native and custom fields alike, as Ploomes lists them: `isCustomField` tells them apart. */
  listFields(entityId: 1 | 2 | 3): Promise<Field[]> {
    const query = odata()
      .filter(eq("EntityId", entityId))
      .select("Key", "Name", "EntityId", "OptionsTableId", "Dynamic")
      .expand("Type");
    return this.listAll("/Fields", query, fieldSchema);
  }

  listUsers(): Promise<User[]> {
    return this.listAll("/Users", odata().select("Id", "Name", "Email", "Suspended").orderby("Name"), userSchema);
  }

  async findOrCreateOrigin(name = "JivoChat"): Promise<Origin> {
    const query = odata().filter(eq("Name", name)).select("Id", "Name").top(1);
    const found = await this.findOne("/Contacts@Origins", query, originSchema);
    if (found) return found;
    return this.create("/Contacts@Origins", { schema: originInputSchema, value: { Name: name } }, originSchema);
  }
}
