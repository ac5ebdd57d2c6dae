/** The end of an application: the receipt number and the status code, shown this once (the server keeps only a hash of the code). */
import { Alert, Button, Card, Descriptions, Result } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { Link } from '../shared/router.tsx'

export function Receipt({ kind, receipt, code, rows }: { kind: 'objection' | 'repair'; receipt: string; code: string; rows: Array<[readonly [string, string], string | null]> }) {
  const { label } = useI18n()
  return (
    <Card className="receipt" data-receipt={receipt}>
      <Result status="success" title={kind === 'objection' ? label(['异议申请已受理', 'Your objection has been received']) : label(['信用修复申请已提交', 'Your repair application has been submitted'])} />
      <Descriptions column={1} bordered size="middle">
        <Descriptions.Item label={label(['受理编号', 'Receipt number'])}>
          <span className="receipt-number">{receipt}</span>
        </Descriptions.Item>
        <Descriptions.Item label={label(['查询码', 'Status code'])}>
          <code className="status-code">{code}</code>
        </Descriptions.Item>
        {rows.filter(([, v]) => v).map(([k, v]) => (
          <Descriptions.Item key={k[0]} label={label(k)}>
            {v}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Alert
        type="warning"
        showIcon
        style={{ margin: '16px 0' }}
        title={label(['查询码只显示这一次，请抄录或截图保存；凭受理编号和查询码可随时查询办理进度。', 'The status code is shown only this once: write it down. With the receipt number and this code you can check progress at any time.'])}
      />
      <Button type="primary">
        <Link to={`/status?type=${kind}`}>{label(['查询办理进度', 'Check progress'])}</Link>
      </Button>
    </Card>
  )
}
