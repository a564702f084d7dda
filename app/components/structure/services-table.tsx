/** A unit's services in their public order, each row with its rename form and its move and (de)activate buttons. */
import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformTextField, useZodForm, type LastResult } from "~/components/conform-fields";
import { serviceRenameSchema } from "~/org/admin-schema";
import type { AdminService } from "~/org/admin.server";

export function ServicesSection({
  unitName,
  services,
  rowKey,
  renameResult,
}: {
  unitName: string;
  services: readonly AdminService[];
  /** Changes with each navigation, so every row's rename form starts afresh after a save. */
  rowKey: string;
  renameResult: (serviceId: number) => LastResult;
}) {
  const { t } = useTranslation("admin");
  return (
    <section aria-labelledby="services-heading">
      <h2 id="services-heading">{t("services.heading")}</h2>
      <p className="hint">{t("services.orderHint")}</p>
      {services.length === 0 ? (
        <p>{t("services.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table admin-services">
            <caption className="visually-hidden">{t("services.caption", { name: unitName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("services.position")}</th>
                <th scope="col">{t("services.service")}</th>
                <th scope="col">{t("services.status")}</th>
                <th scope="col">{t("services.rename")}</th>
                <th scope="col">{t("services.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {services.map((service, index) => (
                <ServiceRow
                  key={`${service.id}-${rowKey}`}
                  service={service}
                  index={index}
                  last={index === services.length - 1}
                  lastResult={renameResult(service.id)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ServiceRow({
  service,
  index,
  last,
  lastResult,
}: {
  service: AdminService;
  index: number;
  last: boolean;
  lastResult: LastResult;
}) {
  const { t } = useTranslation("admin");
  const [form, fields] = useZodForm(serviceRenameSchema, {
    id: `rename-service-${service.id}`,
    lastResult,
    defaultValue: { name: service.name },
    validate: "onBlur",
  });
  const serviceForm = (intent: string, label: string, extra?: { name: string; value: string }) => (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="serviceId" value={service.id} />
      {extra ? <input type="hidden" name={extra.name} value={extra.value} /> : null}
      <button type="submit" className="button">
        {label}
        <span className="visually-hidden">: {service.name}</span>
      </button>
    </Form>
  );
  return (
    <tr>
      <td>{index + 1}</td>
      <th scope="row">
        {service.name}
        <br />
        <span className="muted">{service.slug}</span>
      </th>
      <td>{service.active ? t("status.active") : t("status.inactive")}</td>
      <td>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="rename-service" />
          <input type="hidden" name="serviceId" value={service.id} />
          <ConformTextField field={fields.name} type="text" label={t("services.nameOf", { slug: service.slug })} translateError={t} autoComplete="off" />
          <button type="submit" className="button">
            {t("services.rename")}
            <span className="visually-hidden">: {service.slug}</span>
          </button>
        </Form>
      </td>
      <td>
        <div className="admin-row-actions">
          {index > 0 ? serviceForm("move-service", t("services.up"), { name: "direction", value: "up" }) : null}
          {last ? null : serviceForm("move-service", t("services.down"), { name: "direction", value: "down" })}
          {service.active ? serviceForm("deactivate-service", t("services.deactivate")) : serviceForm("reactivate-service", t("services.reactivate"))}
        </div>
      </td>
    </tr>
  );
}

