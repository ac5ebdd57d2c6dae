/** A labelled file field for evidence: the API's limits shown before choosing, and checked at once after. */
import { useId, useState } from 'react'
import { Alert, Typography } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { checkEvidenceFiles, evidenceAccept, evidenceHint, type EvidenceProblem } from '../shared/evidence.ts'

export function EvidencePicker({ label: text, name, multiple = true, onChange }: { label: readonly [string, string]; name: string; multiple?: boolean; onChange(files: File[], problems: EvidenceProblem[]): void }) {
  const { label, lang } = useI18n()
  const id = useId()
  const [problems, setProblems] = useState<EvidenceProblem[]>([])
  return (
    <div className="evidence-picker">
      <label htmlFor={id}>{label(text)}</label>
      <div>
        <input
          id={id}
          name={name}
          type="file"
          multiple={multiple}
          accept={evidenceAccept}
          aria-describedby={`${id}-hint`}
          onChange={async (e) => {
            const files = [...(e.currentTarget.files ?? [])]
            const found = await checkEvidenceFiles(files)
            setProblems(found)
            onChange(files, found)
          }}
        />
      </div>
      <Typography.Text type="secondary" id={`${id}-hint`}>
        {lang === 'zh' ? evidenceHint.zh : evidenceHint.en}
      </Typography.Text>
      {problems.length ? <Alert type="error" role="alert" showIcon style={{ marginTop: 8 }} title={problems.map((p) => (lang === 'zh' ? p.zh : p.en)).join('；')} /> : null}
    </div>
  )
}
