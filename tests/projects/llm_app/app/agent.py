"""Ops assistant: an agent that can look things up and act on the infrastructure."""
import os
import subprocess
from pathlib import Path

import requests
from langchain.agents import AgentExecutor, create_tool_calling_agent
from langchain_community.agent_toolkits import FileManagementToolkit
from langchain_community.agent_toolkits.openapi.toolkit import RequestsToolkit
from langchain_community.tools import ShellTool
from langchain_community.utilities.requests import TextRequestsWrapper
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.tools import tool
from langchain_experimental.tools import PythonREPLTool
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o", temperature=0)
WORKSPACE = Path(os.environ.get("AGENT_WORKSPACE", "/srv/agent-workspace"))
RUNBOOKS = {"restart-web": ["systemctl", "restart", "web"], "disk": ["df", "-h"]}

prompt = ChatPromptTemplate.from_messages([
    ("system", "You are an SRE assistant. Use tools when needed."),  # safe: constant system message
    ("human", "{input}"),
    ("placeholder", "{agent_scratchpad}"),
])


@tool
def run_runbook(name: str) -> str:
    """Run one of the approved runbooks by name."""
    argv = RUNBOOKS.get(name)
    if argv is None:
        return f"unknown runbook {name}"
    return subprocess.run(argv, capture_output=True, text=True, check=False).stdout  # safe: fixed allowlist


def build_ops_agent():
    tools = [
        ShellTool(),  # expect: excessive-agency
        PythonREPLTool(),  # expect: excessive-agency
        run_runbook,
        *FileManagementToolkit(root_dir=str(WORKSPACE), selected_tools=["read_file", "list_directory"]).get_tools(),  # safe: scoped file tools
    ]
    agent = create_tool_calling_agent(llm, tools, prompt)
    return AgentExecutor(agent=agent, tools=tools, max_iterations=None, verbose=True)  # expect: unbounded-agent


def build_api_agent(token):
    wrapper = TextRequestsWrapper(headers={"Authorization": f"Bearer {token}"})
    toolkit = RequestsToolkit(requests_wrapper=wrapper, allow_dangerous_requests=True)  # expect: excessive-agency
    tools = toolkit.get_tools()
    agent = create_tool_calling_agent(llm, tools, prompt)
    return AgentExecutor(agent=agent, tools=tools, max_iterations=8, max_execution_time=120)  # safe: bounded agent


def triage_incident(alert_url):
    executor = build_ops_agent()
    alert = requests.get(alert_url, timeout=10).text
    return executor.invoke({"input": f"Investigate and fix this alert:\n{alert}"})  # expect: prompt-injection


def suggest_fix(error_log):
    reply = llm.invoke(f"Suggest one shell command to fix:\n{error_log}").content
    print("Suggested:", reply)
    if input("Run it? [y/N] ").lower() == "y":
        subprocess.run(reply, shell=True, check=False)  # expect: llm-shell


def pick_runbook(error_log):
    choice = llm.invoke(f"Which runbook of {sorted(RUNBOOKS)} fixes this?\n{error_log}").content.strip()
    argv = RUNBOOKS.get(choice, ["true"])
    return subprocess.run(argv, capture_output=True, text=True, check=False).returncode  # safe: model picks from an allowlist
