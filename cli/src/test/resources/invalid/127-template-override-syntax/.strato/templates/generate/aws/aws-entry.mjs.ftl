// entry
<#list functions as f>
${f.name
</#list>
