import { useTranslation } from "react-i18next";
import { ROLES } from "~/auth/policy";
import { SelectField, type FieldErrors } from "./forms";

export interface ScopeOptions {
  regions: ReadonlyArray<{ id: number; name: string }>;
  units: ReadonlyArray<{ id: number; name: string; regionName: string }>;
  provinces: ReadonlyArray<{ id: number; name: string }>;
  roles: readonly string[];
}

/**
 * Role and scope of a grant. Without JavaScript every scope list is shown; the hint says
 * which one each role uses, and the server reads only that one.
 */
export function GrantFields({
  options,
  errors,
  defaults,
}: {
  options: ScopeOptions;
  errors?: { role?: FieldErrors; regionId?: FieldErrors; unitId?: FieldErrors; provinceId?: FieldErrors };
  defaults?: { role?: string; regionId?: string; unitId?: string; provinceId?: string };
}) {
  const { t } = useTranslation("staff");
  const none = { value: "", label: t("grant.choose") };
  return (
    <fieldset>
      <legend>{t("grant.legend")}</legend>
      <SelectField
        label={t("grant.role")}
        name="role"
        defaultValue={defaults?.role ?? ""}
        errors={errors?.role?.map((e) => t(e))}
        options={[none, ...ROLES.filter((r) => options.roles.includes(r)).map((r) => ({ value: r, label: t(`roles.${r}`) }))]}
      />
      <SelectField
        label={t("grant.region")}
        hint={t("grant.regionHint")}
        name="regionId"
        defaultValue={defaults?.regionId ?? ""}
        errors={errors?.regionId?.map((e) => t(e))}
        options={[none, ...options.regions.map((r) => ({ value: String(r.id), label: r.name }))]}
      />
      <SelectField
        label={t("grant.unit")}
        hint={t("grant.unitHint")}
        name="unitId"
        defaultValue={defaults?.unitId ?? ""}
        errors={errors?.unitId?.map((e) => t(e))}
        options={[none, ...options.units.map((u) => ({ value: String(u.id), label: `${u.name} (${u.regionName})` }))]}
      />
      {options.provinces.length > 0 ? (
        <SelectField
          label={t("grant.province")}
          hint={t("grant.provinceHint")}
          name="provinceId"
          defaultValue={defaults?.provinceId ?? ""}
          errors={errors?.provinceId?.map((e) => t(e))}
          options={[none, ...options.provinces.map((p) => ({ value: String(p.id), label: p.name }))]}
        />
      ) : null}
    </fieldset>
  );
}
