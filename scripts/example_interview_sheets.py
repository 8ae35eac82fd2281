import csv
from openpyxl import Workbook
from journeys.interviews.records import read_interviews
cols = ["interview","family","month","roles","child_age_band","consent","codebook","kind","code","agency","from","to","handover","age","domain","level","paraphrase","quote","sensitive","unique"]
rows=[]
s=read_interviews(['examples/interviews'])
for rid, r in sorted(s.records.items()):
    for i, e in enumerate(r.evidence):
        age = e.age_band if e.age is None else (f"{e.age:g}")
        row = {"interview": r.id, "family": r.family, "kind": e.kind, "code": e.code or "", "agency": e.agency or "",
               "from": e.from_ or "", "to": e.to or "", "handover": e.handover or "", "age": age, "domain": e.domain or "",
               "level": e.level or "", "paraphrase": e.paraphrase, "quote": e.quote or "",
               "sensitive": "x" if e.sensitive else "", "unique": "x" if e.unique else ""}
        if i == 0:
            row.update(month=r.month, roles=", ".join(r.roles), child_age_band=r.child_age_band, consent=r.consent, codebook=r.codebook)
        rows.append([row.get(c, "") for c in cols])
with open('examples/interviews/intervjuer.csv','w',newline='',encoding='utf-8') as f:
    w=csv.writer(f, delimiter=';'); w.writerow(cols); w.writerows(rows)
wb=Workbook(); ws=wb.active; ws.title="belagg"; ws.append(cols)
for r in rows: ws.append([float(v) if c=="age" and v.replace('.','',1).isdigit() else v for c, v in zip(cols, r)])
# a fixed timestamp keeps the file the same byte for byte
import datetime
wb.properties.created = wb.properties.modified = datetime.datetime(2024, 6, 1)
wb.save('examples/interviews/intervjuer.xlsx')
