/** One field of a section rendered with the platform's accessible form pieces. */
import { Input, Textarea, Select, Radios, type FormState } from '../../platform/views/ui.js';
import type { FieldDef, FieldContext } from '../sections/fields.js';
import { maxLength } from '../sections/fields.js';

/** A field under a flat name, with its label (row fields get "Module 2 : …" from the caller). */
export function FieldInput({ f, name, label, state, ctx }: { f: FieldDef; name: string; label?: string; state: FormState; ctx: FieldContext }) {
  const common = { name, label: label ?? f.label, hint: f.hint, state, required: f.required !== false && !f.requiredIf ? true : false };
  switch (f.kind) {
    case 'textarea': return <Textarea {...common} maxlength={maxLength(f)} rows={4} />;
    case 'choice': {
      const options = f.options === 'jobFamilies' ? ctx.jobFamilies : (f.options ?? []);
      return options.length <= 4 ? <Radios {...common} options={options} inline={options.length <= 2} /> : <Select {...common} options={options} />;
    }
    case 'date': return <Input {...common} type="date" />;
    case 'number': case 'percent': return <Input {...common} inputmode="decimal" hint={f.hint ?? (f.unit ? `En ${f.unit}.` : undefined)} />;
    case 'integer': return <Input {...common} inputmode="numeric" />;
    case 'email': return <Input {...common} type="email" autocomplete="off" spellcheck={false} />;
    case 'phone': return <Input {...common} type="tel" />;
    default: return <Input {...common} maxlength={maxLength(f)} />;
  }
}
