<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ContactDialog</name>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Add contact person</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <source>Edit contact person</source>
        <translation>编辑联系人</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>Remove contact person</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <source>Remove {name} from the contact persons?
The change is stored when you save the customer.</source>
        <translation>从联系人中删除 {name}？
保存客户时才会写入文件。</translation>
    </message>
    <message>
        <source>{name}, {field}: {message}</source>
        <translation>{name}，{field}：{message}</translation>
    </message>
    <message>
        <source>Row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Mark as primary</source>
        <translation>设为主联系人</translation>
    </message>
    <message>
        <source>No contact persons yet. Click “Add…” to record one.</source>
        <translation>还没有联系人。点击“添加…”录入。</translation>
    </message>
</context>
<context>
    <name>CustomerDetailPanel</name>
    <message>
        <source>Not saved: please correct the marked fields.</source>
        <translation>未保存：请更正标出的字段。</translation>
    </message>
    <message>
        <source>Select a customer on the left, or create one.</source>
        <translation>请在左侧选择客户，或新建客户。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the changes to this customer</source>
        <translation>保存对该客户的修改</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Undo the changes not yet saved</source>
        <translation>撤销尚未保存的修改</translation>
    </message>
    <message>
        <source>Verified today</source>
        <translation>今日已核实</translation>
    </message>
    <message>
        <source>Record that this customer&apos;s information was checked today, and save</source>
        <translation>记录今天已核实该客户资料，并保存</translation>
    </message>
    <message>
        <source>Separated by commas or spaces, e.g. VIP, 老客户</source>
        <translation>用逗号或空格分隔，例如 VIP, 老客户</translation>
    </message>
    <message>
        <source>Assigned when saved</source>
        <translation>保存时自动分配</translation>
    </message>
    <message>
        <source>New personal customer</source>
        <translation>新建个人客户</translation>
    </message>
    <message>
        <source>New company customer</source>
        <translation>新建企业客户</translation>
    </message>
    <message>
        <source>No code yet</source>
        <translation>尚无编号</translation>
    </message>
    <message>
        <source>Never verified</source>
        <translation>从未核实</translation>
    </message>
    <message>
        <source>Last verified: {date}</source>
        <translation>最近核实：{date}</translation>
    </message>
    <message>
        <source>Not verified for over a year</source>
        <translation>超过一年未核实</translation>
    </message>
    <message>
        <source>Not verified for over {n} years</source>
        <translation>超过 {n} 年未核实</translation>
    </message>
    <message>
        <source>Not verified for over {n} days</source>
        <translation>超过 {n} 天未核实</translation>
    </message>
    <message>
        <source>{warning} (last: {date})</source>
        <translation>{warning}（上次：{date}）</translation>
    </message>
    <message>
        <source>Customer information should be checked at least every {n} days.</source>
        <translation>客户资料至少每 {n} 天应核实一次。</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近跟进</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <source>Receivable</source>
        <translation>应收款</translation>
    </message>
    <message>
        <source>Never verified</source>
        <translation>从未核实</translation>
    </message>
    <message>
        <source>Not verified since {date}</source>
        <translation>自 {date} 起未核实</translation>
    </message>
    <message>
        <source>Over the credit limit of {limit}</source>
        <translation>超过授信额度 {limit}</translation>
    </message>
</context>
<context>
    <name>FieldForm</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日，如 2024-01-05</translation>
    </message>
    <message>
        <source>Also accepted: 2024.1.5, 2024/1/5, 2024年1月5日, 20240105</source>
        <translation>也可输入：2024.1.5、2024/1/5、2024年1月5日、20240105</translation>
    </message>
    <message>
        <source>In yuan, for example 1,234.50</source>
        <translation>单位：元，例如 1,234.50</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Mask this number again</source>
        <translation>重新遮挡该号码</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show the full number and edit it</source>
        <translation>显示完整号码并编辑</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search name, pinyin (zs), phone, code, contact person…</source>
        <translation>搜索姓名、拼音（zs）、电话、编号、联系人…</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
</context>
<context>
    <name>LedgerDialog</name>
    <message>
        <source>Ledger overview</source>
        <translation>客户台账</translation>
    </message>
    <message>
        <source>Receivables of every customer with orders or payments. Click a column to sort; double-click a row to open the customer.</source>
        <translation>所有有订单或回款的客户的应收款。点击列标题排序，双击一行打开该客户。</translation>
    </message>
    <message>
        <source>{n} customers · receivable {receivable} · over 90 days {older} · {over} over their credit limit · as of {today}</source>
        <translation>{n} 位客户 · 应收合计 {receivable} · 超过 90 天 {older} · {over} 位超授信额度 · 截至 {today}</translation>
    </message>
</context>
<context>
    <name>LedgerTableModel</name>
    <message>
        <source>Code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>累计应收</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>累计回款</translation>
    </message>
    <message>
        <source>Receivable</source>
        <translation>外欠款</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>授信额度</translation>
    </message>
    <message>
        <source>0–30 days</source>
        <translation>0–30 天</translation>
    </message>
    <message>
        <source>31–60 days</source>
        <translation>31–60 天</translation>
    </message>
    <message>
        <source>61–90 days</source>
        <translation>61–90 天</translation>
    </message>
    <message>
        <source>Over 90 days</source>
        <translation>90 天以上</translation>
    </message>
    <message>
        <source>Oldest unpaid</source>
        <translation>最早欠款日期</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>列(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;New customer file…</source>
        <translation>新建客户档案文件(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open customer file…</source>
        <translation>打开客户档案文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Open the &amp;demo file</source>
        <translation>打开演示文件(&amp;D)</translation>
    </message>
    <message>
        <source>Recycle &amp;bin</source>
        <translation>回收站(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>New &amp;personal customer</source>
        <translation>新建个人客户(&amp;P)</translation>
    </message>
    <message>
        <source>New &amp;company customer</source>
        <translation>新建企业客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>撤销删除(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Ne&amp;xt customer</source>
        <translation>下一位客户(&amp;X)</translation>
    </message>
    <message>
        <source>P&amp;revious customer</source>
        <translation>上一位客户(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About crmdesk</source>
        <translation>关于 crmdesk(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Ledger overview</source>
        <translation>客户台账(&amp;L)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Opening cancelled; the file was not changed.</source>
        <translation>已取消打开，文件未做任何更改。</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>New customer file</source>
        <translation>新建客户档案文件</translation>
    </message>
    <message>
        <source>crmdesk customer files (*%1)</source>
        <translation>crmdesk 客户档案文件 (*%1)</translation>
    </message>
    <message>
        <source>Cannot create the file</source>
        <translation>无法创建文件</translation>
    </message>
    <message>
        <source>Open customer file</source>
        <translation>打开客户档案文件</translation>
    </message>
    <message>
        <source>crmdesk customer files (*%1);;All files (*)</source>
        <translation>crmdesk 客户档案文件 (*%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>No customers match.</source>
        <translation>没有匹配的客户。</translation>
    </message>
    <message>
        <source>No customers yet. Create one with “New personal customer” or “New company customer”.</source>
        <translation>还没有客户。可用“新建个人客户”或“新建企业客户”添加。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Delete customer</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>Move %1 (%2) to the recycle bin? You can restore it from there.</source>
        <translation>将 %1（%2）移到回收站？之后可从回收站恢复。</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>未删除</translation>
    </message>
    <message>
        <source>%1 moved to the recycle bin. Undo with %2.</source>
        <translation>%1 已移到回收站。按 %2 可撤销。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>This customer has changes that are not saved. Save them?</source>
        <translation>该客户有尚未保存的修改。要保存吗？</translation>
    </message>
    <message>
        <source>About crmdesk</source>
        <translation>关于 crmdesk</translation>
    </message>
    <message>
        <source>crmdesk %1

A customer-file manager over one local file.</source>
        <translation>crmdesk %1

客户档案管理：所有资料保存在本机的一个文件里。</translation>
    </message>
    <message>
        <source>%1 of %2 customers</source>
        <translation>%1 / 共 %2 位客户</translation>
    </message>
    <message>
        <source>%2 customers</source>
        <translation>共 %2 位客户</translation>
    </message>
    <message>
        <source>No file open</source>
        <translation>未打开文件</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <source>Mark records not verified for:</source>
        <translation>标记多久未核实的资料：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
</context>
<context>
    <name>RecycleBinDialog</name>
    <message>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Deleted customers stay here until you restore them.</source>
        <translation>已删除的客户保留在这里，可随时恢复。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>The recycle bin is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to crmdesk</source>
        <translation>欢迎使用 crmdesk</translation>
    </message>
    <message>
        <source>Your customer file is one file on this computer. Start a new one, open the one you have, or look around in the demo file first.</source>
        <translation>客户档案保存在本机的一个文件里。您可以新建一个，打开已有的，或先在演示文件里看看。</translation>
    </message>
    <message>
        <source>Create a new customer file…</source>
        <translation>新建客户档案文件…</translation>
    </message>
    <message>
        <source>Open a customer file…</source>
        <translation>打开客户档案文件…</translation>
    </message>
    <message>
        <source>Open the demo file</source>
        <translation>打开演示文件</translation>
    </message>
</context>
<context>
    <name>texts</name>
    <message>
        <source>Personal</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>现实客户</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>已流失</translation>
    </message>
    <message>
        <source>Won back</source>
        <translation>已挽回</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>市场调查</translation>
    </message>
    <message>
        <source>Marketing event</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Service process</source>
        <translation>服务过程</translation>
    </message>
    <message>
        <source>Store or terminal</source>
        <translation>门店/终端</translation>
    </message>
    <message>
        <source>Trade fair</source>
        <translation>展会</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Call centre</source>
        <translation>呼叫中心</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>客户投诉</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>Business registry</source>
        <translation>工商登记</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>银行</translation>
    </message>
    <message>
        <source>Consultancy</source>
        <translation>咨询公司</translation>
    </message>
    <message>
        <source>Purchased list</source>
        <translation>购买/租用名单</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>Customer referral</source>
        <translation>老客户介绍</translation>
    </message>
    <message>
        <source>Trade association</source>
        <translation>行业协会</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Single</source>
        <translation>未婚</translation>
    </message>
    <message>
        <source>Married</source>
        <translation>已婚</translation>
    </message>
    <message>
        <source>Divorced</source>
        <translation>离异</translation>
    </message>
    <message>
        <source>Widowed</source>
        <translation>丧偶</translation>
    </message>
    <message>
        <source>Monthly settlement</source>
        <translation>月结</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现结</translation>
    </message>
    <message>
        <source>Cash on delivery</source>
        <translation>到付</translation>
    </message>
    <message>
        <source>Purchaser</source>
        <translation>采购负责人</translation>
    </message>
    <message>
        <source>Technical decision-maker</source>
        <translation>技术决策者</translation>
    </message>
    <message>
        <source>User department</source>
        <translation>使用部门</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <source>Other role</source>
        <translation>其他角色</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>基本</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>教育</translation>
    </message>
    <message>
        <source>Career</source>
        <translation>事业</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>家庭</translation>
    </message>
    <message>
        <source>Life</source>
        <translation>生活</translation>
    </message>
    <message>
        <source>Personality</source>
        <translation>性格特点</translation>
    </message>
    <message>
        <source>Relationships</source>
        <translation>人际关系</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>Spending</source>
        <translation>消费</translation>
    </message>
    <message>
        <source>Character</source>
        <translation>个性</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>人际</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>Too long (at most {max} characters).</source>
        <translation>太长（最多 {max} 个字符）。</translation>
    </message>
    <message>
        <source>Not a valid Chinese mobile number.</source>
        <translation>不是有效的手机号码。</translation>
    </message>
    <message>
        <source>Not a valid Chinese phone number.</source>
        <translation>不是有效的电话号码。</translation>
    </message>
    <message>
        <source>Not a valid e-mail address.</source>
        <translation>不是有效的电子邮箱地址。</translation>
    </message>
    <message>
        <source>Not a valid 18-digit resident ID number (check digit or date is wrong).</source>
        <translation>不是有效的 18 位身份证号码（校验位或出生日期有误）。</translation>
    </message>
    <message>
        <source>Not a valid unified social credit code (18 characters, check character).</source>
        <translation>不是有效的统一社会信用代码（18 位，校验位有误）。</translation>
    </message>
    <message>
        <source>Not a valid date (for example 2024-01-05).</source>
        <translation>不是有效的日期（例如 2024-01-05）。</translation>
    </message>
    <message>
        <source>Not a valid amount (for example 1,234.50).</source>
        <translation>不是有效的金额（例如 1,234.50）。</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>金额太大。</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>Not a valid whole number.</source>
        <translation>不是有效的整数。</translation>
    </message>
    <message>
        <source>Not one of the choices.</source>
        <translation>不是可选的值。</translation>
    </message>
    <message>
        <source>Does not apply to this kind of customer.</source>
        <translation>不适用于此类客户。</translation>
    </message>
    <message>
        <source>Not a valid value.</source>
        <translation>不是有效的值。</translation>
    </message>
    <message>
        <source>Customer code {code} is already in use.</source>
        <translation>客户编号 {code} 已被使用。</translation>
    </message>
    <message>
        <source>Must be greater than zero.</source>
        <translation>必须大于零。</translation>
    </message>
    <message>
        <source>More than {days} days in the future.</source>
        <translation>日期超出今天之后 {days} 天。</translation>
    </message>
    <message>
        <source>More than the customer owes ({owed}); record it as a prepayment if that is meant.</source>
        <translation>超过客户欠款（{owed}）；如确为预付款，请按预付款登记。</translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <source>This is not a file.</source>
        <translation>这不是一个文件。</translation>
    </message>
    <message>
        <source>The file cannot be read: {detail}</source>
        <translation>无法读取文件：{detail}</translation>
    </message>
    <message>
        <source>The file is empty (0 bytes): it is damaged or not a crmdesk file.</source>
        <translation>文件为空（0 字节）：数据文件已损坏或不是 crmdesk 文件。</translation>
    </message>
    <message>
        <source>This is not a crmdesk file (it may be a spreadsheet or another program&apos;s file).</source>
        <translation>这不是 crmdesk 文件（可能是表格或其他程序的文件）。</translation>
    </message>
    <message>
        <source>The data file is damaged or not a crmdesk file.</source>
        <translation>数据文件已损坏或不是 crmdesk 文件。</translation>
    </message>
    <message>
        <source>This is a database of another program, not a crmdesk file.</source>
        <translation>这是其他程序的数据库，不是 crmdesk 文件。</translation>
    </message>
    <message>
        <source>This file was written by a newer crmdesk ({version}). Please upgrade crmdesk.</source>
        <translation>此文件由更新版本的 crmdesk（{version}）写入，请升级 crmdesk。</translation>
    </message>
    <message>
        <source>The file already exists; crmdesk will not overwrite it.</source>
        <translation>文件已存在，crmdesk 不会覆盖它。</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was changed.</source>
        <translation>磁盘已满，未做任何更改。</translation>
    </message>
    <message>
        <source>The file is busy in another program. Nothing was changed; try again.</source>
        <translation>文件正被其他程序使用，未做任何更改，请重试。</translation>
    </message>
    <message>
        <source>The file is open read-only. Nothing was changed.</source>
        <translation>文件以只读方式打开，未做任何更改。</translation>
    </message>
    <message>
        <source>Someone else changed this customer meanwhile. Nothing was changed; reload it.</source>
        <translation>该客户已被他人修改，未做任何更改，请重新载入。</translation>
    </message>
    <message>
        <source>Saving failed. Nothing was changed. ({detail})</source>
        <translation>保存失败，未做任何更改。（{detail}）</translation>
    </message>
    <message>
        <source>Customer code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>客户状态</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>客户来源</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责业务员</translation>
    </message>
    <message>
        <source>Last verified</source>
        <translation>最近核实</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Registered capital</source>
        <translation>注册资本</translation>
    </message>
    <message>
        <source>Founded</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>固定电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>QQ</source>
        <translation>QQ</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>消费偏好</translation>
    </message>
    <message>
        <source>Usual products</source>
        <translation>常购产品</translation>
    </message>
    <message>
        <source>Typical spend</source>
        <translation>一般消费额</translation>
    </message>
    <message>
        <source>Education level</source>
        <translation>学历</translation>
    </message>
    <message>
        <source>School</source>
        <translation>毕业院校</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>专业</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Career notes</source>
        <translation>事业情况备注</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>婚姻状况</translation>
    </message>
    <message>
        <source>Wedding anniversary</source>
        <translation>结婚纪念日</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>子女情况</translation>
    </message>
    <message>
        <source>Hobbies</source>
        <translation>兴趣爱好</translation>
    </message>
    <message>
        <source>Habits</source>
        <translation>生活习惯</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>介绍人</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Company size</source>
        <translation>企业规模</translation>
    </message>
    <message>
        <source>Ownership</source>
        <translation>所有制</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>所在区域</translation>
    </message>
    <message>
        <source>Main products</source>
        <translation>主营产品</translation>
    </message>
    <message>
        <source>Annual revenue</source>
        <translation>年营业额</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>员工人数</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>结算方式</translation>
    </message>
    <message>
        <source>Payment day</source>
        <translation>结算日</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>账期</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>授信额度</translation>
    </message>
    <message>
        <source>Credit rating</source>
        <translation>信用等级</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Decision role</source>
        <translation>决策角色</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>主联系人</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
</context>
</TS>
